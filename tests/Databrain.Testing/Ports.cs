using System.Net;
using System.Net.Sockets;

namespace Databrain.Testing;

public static class Ports
{
    /// <summary>A loopback port nothing listens on (it was free a moment ago).</summary>
    public static int Closed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop(); // not IDisposable on .NET Framework
        }
    }

    /// <summary>An <c>http://127.0.0.1:port</c> address nothing listens on.</summary>
    public static Uri ClosedAddress() => new($"http://127.0.0.1:{Closed()}");
}
