namespace Databrain.Client.Transport;

/// <summary>
/// The bottom of the SDK's handler chain when a caller brings their own <see cref="HttpClient"/>: each attempt,
/// headers added, is sent through that client (and whatever handlers it has). Only the headers are awaited here:
/// the call runner reads the body, as on the SDK's own pool, so a cut-off body is judged the same way.
/// </summary>
internal sealed class HttpClientTransportHandler(HttpClient httpClient) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        httpClient.SendAsync(Copy(request), HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    // The caller owns the client: never dispose it.
    protected override void Dispose(bool disposing)
    {
    }

    // An HttpClient refuses a message another HttpClient has sent, so each attempt travels as a copy
    // (the buffered body is shared, not copied).
    private static HttpRequestMessage Copy(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Content = request.Content,
            Version = request.Version,
#if !NETFRAMEWORK
            VersionPolicy = request.VersionPolicy,
#endif
        };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        // Per-request state (Refit's, for one) travels too: Options on .NET, Properties on .NET Framework.
#if NETFRAMEWORK
        foreach (var property in request.Properties)
        {
            copy.Properties[property.Key] = property.Value;
        }
#else
        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }
#endif

        return copy;
    }
}
