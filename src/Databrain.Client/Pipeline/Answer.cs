using System.Net.Http.Headers;
using System.Text.Json;
using Databrain.Client.Transport;

namespace Databrain.Client.Pipeline;

/// <summary>
/// One attempt's complete answer, read inside the attempt (so the attempt timeout covers the body, and a body cut
/// off by the network fails the attempt where the retry rules can judge it): the status and headers, and either the
/// success body read with the request's source-generated metadata (streamed) or the error body's text.
/// </summary>
internal sealed class Answer
{
    private Answer(int status, HttpResponseHeaders? headers, string? requestId, string? mediaType, object? value, string? errorText)
    {
        Status = status;
        Headers = headers;
        RequestId = requestId;
        MediaType = mediaType;
        Value = value;
        ErrorText = errorText;
    }

    public int Status { get; }

    public bool IsSuccess => Status is >= 200 and <= 299;

    /// <summary>The response headers (readable after the response is disposed); none when the body was cut off.</summary>
    public HttpResponseHeaders? Headers { get; }

    /// <summary>The request id header's value as the server sent it (not yet masked).</summary>
    public string? RequestId { get; }

    public string? MediaType { get; }

    /// <summary>The success body, or <see langword="null"/> when it was empty, cut off or not the expected JSON.</summary>
    public object? Value { get; }

    /// <summary>The error body as text (error statuses only).</summary>
    public string? ErrorText { get; }

    /// <summary>A success whose body was cut off: for every operation but list only the status matters.</summary>
    public static Answer WithoutBody(IncompleteResponseException incomplete) =>
        new(incomplete.Status, null, incomplete.RequestId, null, null, null);

    /// <summary>
    /// Reads the whole answer and releases the response (and so the connection). A transport failure while the body
    /// streams in becomes an <see cref="IncompleteResponseException"/> that keeps the status that did arrive.
    /// </summary>
    public static async ValueTask<Answer> ReadAsync(ApiRequest request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            var status = (int)response.StatusCode;
            var headers = response.Headers;
            var requestId = ResponseHeaderReader.RequestId(headers);
            var content = response.Content;
            try
            {
                if (status is < 200 or > 299)
                {
                    var text = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    return new Answer(status, headers, requestId, content.Headers.ContentType?.MediaType, null, text);
                }

                // Disposed synchronously: the body is read to its end first, so there is nothing left to flush or drain.
                using (var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
                {
                    object? value;
                    try
                    {
                        value = await JsonSerializer.DeserializeAsync(stream, request.ResponseType, cancellationToken).ConfigureAwait(false);
                    }
                    catch (JsonException)
                    {
                        // Not the expected JSON (empty, HTML, truncated): no value. Never the exception's message, which can quote the body.
                        value = null;
                    }

                    return new Answer(status, headers, requestId, null, value, null);
                }
            }
            catch (Exception e) when (TransportFailure.IsTransportException(e) && !cancellationToken.IsCancellationRequested)
            {
                throw new IncompleteResponseException(response.StatusCode, requestId, e);
            }
        }
    }
}
