#if NETFRAMEWORK
using System.Net;
#endif

namespace Databrain.Client.Pipeline;

/// <summary>
/// The SDK's own connections, and the one place where .NET Framework differs from .NET. On .NET a
/// <c>SocketsHttpHandler</c> recycles its connections every two minutes, so DNS changes are seen (the reason
/// <c>IHttpClientFactory</c> rotates handlers). .NET Framework has no such handler: there the pool is an
/// <see cref="HttpClientHandler"/> over <c>HttpWebRequest</c>, whose connections belong to the process-wide
/// <see cref="System.Net.ServicePoint"/> of the host, so the same lease, and the settings .NET has by default, are set
/// on the DataBrain host's service point.
/// </summary>
internal static class ConnectionPool
{
    private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A new pool. No automatic decompression: every answer of this API is a few hundred bytes, so asking for
    /// gzip/brotli only adds a header and a decompression layer to every request (docs/performance.md).
    /// </summary>
    public static HttpMessageHandler Create() =>
#if NETFRAMEWORK
        new HttpClientHandler();
#else
        new SocketsHttpHandler { PooledConnectionLifetime = ConnectionLifetime };
#endif

    /// <summary>Readies the process's connections to <paramref name="baseAddress"/> (only .NET Framework needs it).</summary>
    public static void Prepare(Uri baseAddress)
    {
#if NETFRAMEWORK
        // TLS 1.2 without the caller touching ServicePointManager: an application built for .NET Framework 4.6.x or
        // older may still offer only SSL 3/TLS 1.0. Added, never removed; SystemDefault (0, 4.7+) already lets the OS
        // choose TLS 1.2 or later and stays as it is.
        var protocols = ServicePointManager.SecurityProtocol;
        if (protocols != 0 && (protocols & SecurityProtocolType.Tls12) == 0)
        {
            ServicePointManager.SecurityProtocol = protocols | SecurityProtocolType.Tls12;
        }

        var servicePoint = ServicePointManager.FindServicePoint(baseAddress);
        servicePoint.ConnectionLeaseTimeout = (int)ConnectionLifetime.TotalMilliseconds;

        // .NET's defaults: no "Expect: 100-continue" round trip before each body, no Nagle delay on small requests,
        // and no limit of 2 connections per host (the .NET Framework default outside ASP.NET).
        servicePoint.Expect100Continue = false;
        servicePoint.UseNagleAlgorithm = false;
        servicePoint.ConnectionLimit = int.MaxValue;
#else
        _ = baseAddress;
#endif
    }
}
