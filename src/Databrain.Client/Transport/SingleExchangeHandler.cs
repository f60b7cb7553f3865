namespace Databrain.Client.Transport;

/// <summary>
/// Makes each attempt exactly one exchange, so the retry rules alone decide what is sent again:
/// <list type="bullet">
/// <item>A DELETE carries an explicit empty body (<c>Content-Length: 0</c>). <c>SocketsHttpHandler</c> silently
/// resends a request without content, up to 3 times, when the server closes the connection before answering (its
/// guard against a keep-alive race); for a delete the server may already have acted. A GET is left as it is.</item>
/// <item>The whole answer is read before the attempt ends (Refit would otherwise read the body after the pipeline
/// has finished): the per-attempt timeout covers the body, and a body cut off by a reset fails the attempt as an
/// <see cref="IncompleteResponseException"/> that keeps the status, where the retry rules can judge it.</item>
/// </list>
/// </summary>
internal sealed class SingleExchangeHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null && request.Method == HttpMethod.Delete)
        {
            request.Content = new ByteArrayContent([]);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
#if NET9_0_OR_GREATER
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
            // net8.0 has no cancellable overload: disposing the response aborts the read.
            using (cancellationToken.Register(static r => ((HttpResponseMessage)r!).Dispose(), response))
            {
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            }
#endif
            return response;
        }
        catch (OperationCanceledException)
        {
            response.Dispose();
            throw;
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested)
        {
            // The read was aborted by the attempt's (or the call's) cancellation: report it as such.
            response.Dispose();
            throw new OperationCanceledException(e.Message, e, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            var status = response.StatusCode;
            response.Dispose();
            throw new IncompleteResponseException(status, e);
        }
    }
}
