using System.Net;
using System.Net.Sockets;

namespace Databrain.Client.Tests.Client;

public static class ClosedPort
{
    /// <summary>A loopback address nothing listens on: a port bound by the OS, then released.</summary>
    public static Uri Address()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
