using System.Net;
using System.Net.Sockets;

namespace Databrain.Emulator.Tests.Infrastructure;

public static class ClosedPort
{
    /// <summary>A loopback port nothing listens on: bound by the OS, then released.</summary>
    public static int Find()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
