namespace Databrain.Client;

/// <summary>
/// Too many requests (429). <see cref="RetryAfter"/> says how long the server asked to wait, when it said.
/// The SDK already waited and retried where that was safe and within its cap; this is what is left.
/// </summary>
public sealed class DatabrainRateLimitedException : DatabrainApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation that failed.</param>
    /// <param name="status">The HTTP status code (429).</param>
    /// <param name="errorCode">The error <c>code</c> from the body, if any.</param>
    /// <param name="serverMessage">The error message from the body, if any.</param>
    /// <param name="requestId">The response's request id header, if any.</param>
    /// <param name="retryAfter">The delay from the <c>Retry-After</c> header, if any.</param>
    public DatabrainRateLimitedException(DatabrainOperation operation, int status, string? errorCode, string? serverMessage, string? requestId, TimeSpan? retryAfter)
        : base(operation, status, errorCode, serverMessage, requestId)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the server asked the caller to wait (<c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
