using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Databrain.Testing;

/// <summary>
/// A small HTTP/1.1 server on loopback: <see cref="ApiServer"/>'s transport where WireMock does not run (.NET
/// Framework). It reads each request whole, hands it to the answering function and writes that reply after the
/// reply's delay, on keep-alive connections as a real server does. Disposing it ends every delay and connection
/// at once, without waiting for an answer still pending.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    // What a malformed chunk ends with in place of the rest of the body: never valid UTF-8, so never valid JSON.
    private static readonly byte[] Garbage = [0xFF, 0xFE, 0x00, 0x7B, 0xC3, 0x28, 0xA0, 0xA1, 0xF0, 0x28, 0x8C, 0x28];

    private readonly LoopbackListener _listener;
    private readonly Func<ServerExchange, ApiReply> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, bool> _connections = new();

    public LoopbackHttpServer(Func<ServerExchange, ApiReply> answer)
    {
        _answer = answer;
        _listener = new LoopbackListener(ServeAsync);
    }

    public Uri BaseAddress => _listener.BaseAddress;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        foreach (var connection in _connections.Keys)
        {
            connection.Close();
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        _connections[connection] = true;
        try
        {
            connection.NoDelay = true;
            var stream = connection.GetStream();
            var reader = new HttpRequestReader(stream);
            while (await reader.ReadAsync(_stop.Token) is { } exchange)
            {
                var reply = _answer(exchange);
                if (reply.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(reply.Delay, _stop.Token);
                }

                var response = Response(reply);
                await stream.WriteAsync(response, 0, response.Length, _stop.Token);
                exchange.Answered(reply.Status);
                if (exchange.Headers.TryGetValue("Connection", out var values) && values.Contains("close", StringComparer.OrdinalIgnoreCase))
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away, or the server is stopping: the connection ends either way.
        }
        finally
        {
            _connections.TryRemove(connection, out _);
            connection.Close();
        }
    }

    private static byte[] Response(ApiReply reply)
    {
        var body = reply.Body is null ? [] : Encoding.UTF8.GetBytes(reply.Body);
        body = reply.Fault switch
        {
            ApiFault.EmptyResponse => [],
            ApiFault.MalformedResponseChunk => [.. body.Take(body.Length / 2), .. Garbage],
            _ => body,
        };

        var head = new StringBuilder()
            .Append(FormattableString.Invariant($"HTTP/1.1 {reply.Status} {Reason(reply.Status)}\r\n"))
            .Append(FormattableString.Invariant($"Date: {DateTimeOffset.UtcNow:R}\r\n"));
        if (reply.Body is not null)
        {
            head.Append("Content-Type: ").Append(reply.ContentType).Append("\r\n");
        }

        foreach (var (name, value) in reply.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append(FormattableString.Invariant($"Content-Length: {body.Length}\r\n\r\n"));
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    private static string Reason(int status) =>
        Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : "Status";
}
