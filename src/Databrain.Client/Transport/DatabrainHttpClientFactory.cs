using Databrain.Client.Resilience;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace Databrain.Client.Transport;

/// <summary>
/// Builds the SDK's HTTP stack when no <c>IHttpClientFactory</c> is in play, in the same order as the DI path:
/// the resilience handler (once per call), then per attempt the single-exchange guard and the SDK headers, over either
/// a shared connection pool or the caller's own <see cref="HttpClient"/>.
/// </summary>
internal static class DatabrainHttpClientFactory
{
    // One pool for every client built from options alone, recycled every few minutes so DNS changes
    // are seen (the same reason IHttpClientFactory rotates handlers).
    private static readonly Lazy<SocketsHttpHandler> SharedPool = new(CreatePrimaryHandler);

    // No automatic decompression: every answer of this API is a few hundred bytes (a list page holds ten
    // names), so asking for gzip/brotli only adds an Accept-Encoding header and the decompression layer to
    // every request (about 6 % of loopback throughput, measured: docs/performance.md).
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    /// <summary>The client's HttpClient; its pipeline is built here, once per client.</summary>
    public static HttpClient Create(DatabrainClientOptions options, HttpClient? transport, TimeProvider timeProvider, ILogger logger)
    {
        HttpMessageHandler bottom = transport is null ? SharedPool.Value : new HttpClientTransportHandler(transport);
        HttpMessageHandler chain = new SingleExchangeHandler { InnerHandler = new SdkHeadersHandler(options) { InnerHandler = bottom } };
        if (DatabrainResiliencePipeline.Build(options.Resilience, logger, timeProvider) is { } pipeline)
        {
            chain = new ResilienceHandler(pipeline) { InnerHandler = chain };
        }

        // disposeHandler: false, because the bottom of the chain (the shared pool or the caller's client) outlives this client.
        return new HttpClient(chain, disposeHandler: false) { BaseAddress = options.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }
}
