using Databrain.Client.Transport;

namespace Databrain.Client.Pipeline;

/// <summary>
/// The SDK's HTTP stack, defined once for both ways a client is built. At the bottom, the connections: the SDK's own
/// pool (<see cref="ConnectionPool"/>; the primary handler of the <c>IHttpClientFactory</c> client on the DI
/// path) or the caller's own <see cref="HttpClient"/>. On top, the <see cref="HttpClient"/> the Refit client sends
/// through, with the fixed headers as its defaults. The SDK adds no handler in between: retries, timeouts,
/// the token and telemetry are the call runner's, per attempt.
/// </summary>
internal static class HttpStack
{
    // One pool for every client built from options alone (recycling its connections: see ConnectionPool).
    private static readonly Lazy<HttpMessageHandler> SharedPool = new(ConnectionPool.Create);

    /// <summary>The stack of a client built without DI: over the shared pool, or over the caller's client.</summary>
    public static HttpClient Create(DatabrainClientOptions options, HttpClient? callerClient)
    {
        HttpMessageHandler connections = callerClient is null ? SharedPool.Value : new HttpClientTransportHandler(callerClient);

        // disposeHandler: false, because the connections (the shared pool or the caller's client) outlive this client.
        return Configure(new HttpClient(connections, disposeHandler: false), options);
    }

    /// <summary>
    /// Readies a client's <see cref="HttpClient"/> (the DI path passes the factory's): the base address, no timeout of
    /// its own (the call runner's deadline and attempt timeout decide), and the fixed headers.
    /// </summary>
    public static HttpClient Configure(HttpClient httpClient, DatabrainClientOptions options)
    {
        ConnectionPool.Prepare(options.BaseAddress);
        httpClient.BaseAddress = options.BaseAddress;
        httpClient.Timeout = Timeout.InfiniteTimeSpan;
        var headers = httpClient.DefaultRequestHeaders;
        headers.TryAddWithoutValidation("Accept", "application/json");
        headers.TryAddWithoutValidation("User-Agent", SdkInfo.UserAgent(options.UserAgent));
        return httpClient;
    }
}
