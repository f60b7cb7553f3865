using System.Net;
using System.Net.Sockets;

namespace Databrain.Testing;

public static class Ports
{
    /// <summary>A loopback port nothing listens on (it was free a moment ago).</summary>
    public static int Closed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An <c>http://127.0.0.1:port</c> address nothing listens on.</summary>
    public static Uri ClosedAddress() => new($"http://127.0.0.1:{Closed()}");
}
