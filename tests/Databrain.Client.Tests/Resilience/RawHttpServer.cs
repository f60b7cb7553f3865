using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Databrain.Client.Tests.Resilience;

/// <summary>
/// A bare HTTP/1.1 server on loopback for the faults a stub server cannot make: it reads each request whole, records
/// it, then resets the connection (RST), closes it (FIN) or cuts an answer off mid-body, as a fault asks. Any other
/// request gets a full answer. Every connection carries one request.
/// </summary>
public sealed class RawHttpServer : IDisposable
{
    private readonly LoopbackListener _listener;
    private readonly ConcurrentQueue<ServerExchange> _received = new();
    private readonly Func<ServerExchange, RawAnswer> _answer;

    public RawHttpServer(Func<ServerExchange, RawAnswer> answer)
    {
        _answer = answer;
        _listener = new LoopbackListener(ServeAsync);
    }

    public Uri BaseAddress => _listener.BaseAddress;

    public IReadOnlyList<ServerExchange> Received => _received.ToArray();

    public void Dispose() => _listener.Dispose();

    // The socket, not the TcpClient, is disposed: TcpClient.Dispose shuts the socket down first, which would turn a
    // reset (linger 0) into an orderly close.
    private async Task ServeAsync(TcpClient connection)
    {
        using (var socket = connection.Client)
        {
            try
            {
                using var stream = new NetworkStream(socket, ownsSocket: false);
                var exchange = await new HttpRequestReader(stream).ReadAsync(CancellationToken.None)
                    ?? throw new IOException("The client closed the connection without sending a request.");
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
                        await SendAsync(stream, answer, answer.Body.Length / 2);
                        exchange.Answered(answer.Status);
                        socket.LingerState = new LingerOption(true, 0);
                        break;
                    default:
                        await SendAsync(stream, answer, answer.Body.Length);
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

    /// <summary>The head, announcing the whole body, then the first <paramref name="bodyBytes"/> bytes of it.</summary>
    private static Task SendAsync(Stream stream, RawAnswer answer, int bodyBytes)
    {
        var bytes = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {answer.Status.ToString(CultureInfo.InvariantCulture)} Status\r\nContent-Type: application/json\r\n" +
            $"Content-Length: {answer.Body.Length.ToString(CultureInfo.InvariantCulture)}\r\nConnection: close\r\n\r\n")
            .Concat(answer.Body.Take(bodyBytes))
            .ToArray();
        return stream.WriteAsync(bytes, 0, bytes.Length);
    }
}
