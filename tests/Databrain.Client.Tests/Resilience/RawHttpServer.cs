using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Databrain.Client.Tests.Resilience;

/// <summary>
/// A bare HTTP/1.1 server on loopback for the faults WireMock cannot make: it reads each request whole, records
/// it, then resets the connection (RST), closes it (FIN) or cuts an answer off mid-body, as a fault asks. Any other
/// request gets a full answer. Every connection carries one request.
/// </summary>
public sealed class RawHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<ServerExchange> _received = new();
    private readonly Func<ServerExchange, RawAnswer> _answer;
    private readonly CancellationTokenSource _stop = new();

    public RawHttpServer(Func<ServerExchange, RawAnswer> answer)
    {
        _answer = answer;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public IReadOnlyList<ServerExchange> Received => _received.ToArray();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                var (method, path) = await ReadRequestAsync(socket);
                var exchange = new ServerExchange(method, path);
                _received.Enqueue(exchange);
                var answer = _answer(exchange);
                switch (answer.Kind)
                {
                    case RawAnswerKind.Reset:
                        socket.LingerState = new LingerOption(true, 0);
                        break;
                    case RawAnswerKind.Close:
                        socket.Shutdown(SocketShutdown.Both);
                        break;
                    case RawAnswerKind.CutOffBody:
                        await socket.SendAsync(Head(answer.Status, answer.Body.Length).Concat(answer.Body[..(answer.Body.Length / 2)]).ToArray());
                        exchange.Answered(answer.Status);
                        socket.LingerState = new LingerOption(true, 0);
                        break;
                    default:
                        await socket.SendAsync(Head(answer.Status, answer.Body.Length).Concat(answer.Body).ToArray());
                        exchange.Answered(answer.Status);
                        socket.Shutdown(SocketShutdown.Both);
                        break;
                }
            }
            catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
            {
                // The client went away first; nothing to do.
            }
        }
    }

    private static byte[] Head(int status, int contentLength) => Encoding.ASCII.GetBytes(
        $"HTTP/1.1 {status.ToString(CultureInfo.InvariantCulture)} Status\r\nContent-Type: application/json\r\n" +
        $"Content-Length: {contentLength.ToString(CultureInfo.InvariantCulture)}\r\nConnection: close\r\n\r\n");

    private static async Task<(string Method, string Path)> ReadRequestAsync(Socket socket)
    {
        var buffer = new byte[16 * 1024];
        var received = 0;
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffer, received)) < 0)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(received));
            if (read == 0)
            {
                throw new IOException("The client closed the connection before the request was complete.");
            }

            received += read;
        }

        var head = Encoding.ASCII.GetString(buffer, 0, headEnd);
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var contentLength = lines
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var bodyReceived = received - (headEnd + 4);
        while (bodyReceived < contentLength)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(0));
            if (read == 0)
            {
                throw new IOException("The client closed the connection before the body was complete.");
            }

            bodyReceived += read;
        }

        var target = requestLine[1];
        var query = target.IndexOf('?', StringComparison.Ordinal);
        return (requestLine[0], query < 0 ? target : target[..query]);
    }

    private static int IndexOfHeadEnd(byte[] buffer, int length) => buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
}
