using System.Net;

namespace Databrain.Client.Transport;

/// <summary>
/// Builds the SDK's HTTP stack when no <c>IHttpClientFactory</c> is in play: headers below the
/// resilience layer, over either a shared connection pool or the caller's own <see cref="HttpClient"/>.
/// </summary>
internal static class DatabrainHttpClientFactory
{
    // One pool for every client built from options alone, recycled every few minutes so DNS changes
    // are seen (the same reason IHttpClientFactory rotates handlers).
    private static readonly Lazy<SocketsHttpHandler> SharedPool = new(CreatePrimaryHandler);

    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AutomaticDecompression = DecompressionMethods.All,
    };

    public static HttpClient Create(DatabrainClientOptions options, HttpClient? transport)
    {
        HttpMessageHandler bottom = transport is null ? SharedPool.Value : new HttpClientTransportHandler(transport);
        var headers = new SdkHeadersHandler(options) { InnerHandler = bottom };
        return new HttpClient(headers, disposeHandler: false) { BaseAddress = options.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }
}
