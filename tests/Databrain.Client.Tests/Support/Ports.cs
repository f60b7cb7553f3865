using System.Net;
using System.Net.Sockets;

namespace Databrain.Client.Tests.Support;

public static class Ports
{
    /// <summary>A loopback port nothing listens on (it was free a moment ago).</summary>
    public static int Closed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
