using Databrain.Client.Pipeline;
using Databrain.Client.Secrets;
using Databrain.Client.Transport;

namespace Databrain.Client.Errors;

/// <summary>
/// The one place an error answer becomes the exception a caller catches: the status, the body's code and message
/// (read tolerantly by <see cref="ErrorBody"/>, the request's secrets masked), the request id and <c>Retry-After</c>
/// (<see cref="ResponseHeaderReader"/>), then the type by code and status (<see cref="ErrorMapper"/>).
/// </summary>
internal static class ErrorResponse
{
    /// <summary>The exception for an error status whose answer arrived whole.</summary>
    public static DatabrainApiException ToException(DatabrainOperation operation, Answer answer, SecretScrubber scrubber, TimeProvider timeProvider)
    {
        var body = ErrorBody.Parse(answer.ErrorText, answer.MediaType, scrubber);
        return ErrorMapper.Map(
            operation,
            answer.Status,
            body.Code,
            body.Message,
            scrubber.Scrub(answer.RequestId),
            ResponseHeaderReader.RetryAfter(answer.Headers, timeProvider));
    }

    /// <summary>The exception for an error status whose body was cut off: the status and request id still decide.</summary>
    public static DatabrainApiException ToException(DatabrainOperation operation, IncompleteResponseException incomplete, SecretScrubber scrubber) =>
        ErrorMapper.Map(operation, incomplete.Status, null, "the response body was cut off", scrubber.Scrub(incomplete.RequestId), null);
}
