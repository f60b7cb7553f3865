using Microsoft.Extensions.Logging;

namespace Databrain.Client.Resilience;

/// <summary>
/// The SDK's resilience log lines (category <c>Databrain.Client</c>). They name the operation, the attempt, the delay
/// and a status or exception type; never a header, a body, the token or a credential value.
/// </summary>
internal static partial class ResilienceLog
{
    public const string Category = "Databrain.Client";

    [LoggerMessage(EventId = 1001, EventName = "DatabrainRetry", Level = LogLevel.Warning,
        Message = "DataBrain {Operation}: attempt {Attempt} of {MaxAttempts} failed ({Failure}); retrying in {Delay}.")]
    public static partial void Retrying(ILogger logger, DatabrainOperation? operation, int attempt, int maxAttempts, string failure, TimeSpan delay);

    [LoggerMessage(EventId = 1002, EventName = "DatabrainRetryAfterTooLong", Level = LogLevel.Warning,
        Message = "DataBrain {Operation}: HTTP {Status} asked to wait {RetryAfter}, longer than MaxRetryAfter ({MaxRetryAfter}); failing now instead of retrying.")]
    public static partial void RetryAfterTooLong(ILogger logger, DatabrainOperation? operation, int status, TimeSpan retryAfter, TimeSpan maxRetryAfter);

    [LoggerMessage(EventId = 1003, EventName = "DatabrainOutcomeUnknown", Level = LogLevel.Warning,
        Message = "DataBrain {Operation}: no answer after the request may have reached the server ({Failure}); not sent again. Datasource exists: {DatasourceExists}.")]
    public static partial void OutcomeUnknown(ILogger logger, DatabrainOperation operation, string failure, bool? datasourceExists);
}
