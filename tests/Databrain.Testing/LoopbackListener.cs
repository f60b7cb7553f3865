using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Databrain.Testing;

/// <summary>
/// A TCP listener on 127.0.0.1 and its accept loop: each connection is handed to the serving function, which owns it
/// from then on. The hand-written HTTP servers of the tests (the loopback stub server, the raw fault server) sit on it.
/// </summary>
public sealed class LoopbackListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<TcpClient, Task> _serve;

    /// <summary>Starts listening on a free port.</summary>
    /// <param name="serve">Serves one accepted connection; not awaited, so connections are served side by side.</param>
    public LoopbackListener(Func<TcpClient, Task> serve)
    {
        _serve = serve;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    /// <summary>For example <c>http://127.0.0.1:50123/</c>.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Stops accepting; connections already handed out stay their server's to end.</summary>
    public void Dispose() => _listener.Stop();

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return; // Stopped.
            }

            _ = _serve(connection);
        }
    }
}
