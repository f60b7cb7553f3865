namespace Databrain.Client.Transport;

/// <summary>
/// The bottom of the SDK's handler chain when a caller brings their own <see cref="HttpClient"/>: each attempt,
/// headers added, is sent through that client (and whatever handlers it has).
/// </summary>
internal sealed class HttpClientTransportHandler(HttpClient httpClient) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);

    // The caller owns the client: never dispose it.
    protected override void Dispose(bool disposing)
    {
    }
}
