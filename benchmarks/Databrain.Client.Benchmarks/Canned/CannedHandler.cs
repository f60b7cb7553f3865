namespace Databrain.Client.Benchmarks.Canned;

/// <summary>
/// An in-memory server: reads the request body to the end (as a server would, so a contestant that
/// serializes lazily still pays for it) and answers with precomputed bytes. No sockets, no network.
/// </summary>
/// <param name="conflictOnCreate">Whether a create answers 400 <c>DATASOURCE_NAME_ERROR</c>.</param>
internal sealed class CannedHandler(bool conflictOnCreate) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        // OriginalString is the text the client built: routing on it allocates nothing.
        var uri = request.RequestUri!.OriginalString.AsSpan();
        var queryStart = uri.IndexOf('?');
        var beforeQuery = queryStart < 0 ? uri : uri[..queryStart];
        var pathStart = beforeQuery.IndexOf("/api/", StringComparison.Ordinal);
        var answer = CannedResponses.Answer(
            request.Method.Method,
            pathStart < 0 ? beforeQuery : beforeQuery[pathStart..],
            queryStart < 0 ? [] : uri[(queryStart + 1)..],
            conflictOnCreate);

        var response = new HttpResponseMessage((System.Net.HttpStatusCode)answer.Status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(answer.Body),
        };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", CannedResponses.ContentType);
        return response;
    }
}
