using Microsoft.Extensions.Logging;

namespace Databrain.Client.Diagnostics;

/// <summary>
/// Every log line of the SDK, under one category (<see cref="Category"/>): one line per call (the operation, the
/// datasource's type and name, the HTTP status, the attempts, the duration, the error code), one per retry, and the
/// outcome of a create or delete that got no answer, an upsert's switch from create to update (or back), and one per
/// step of an apply. Never a header, a body, a query value, the token or a
/// credential field; the exception itself is not attached (its server message is the caller's to log).
/// </summary>
internal static partial class ClientLog
{
    /// <summary>The logger category: the same name as the SDK's <c>ActivitySource</c> and <c>Meter</c>.</summary>
    public const string Category = DatabrainTelemetry.Name;

    [LoggerMessage(EventId = 1001, EventName = "DatabrainRetry", Level = LogLevel.Warning,
        Message = "DataBrain {Operation}: attempt {Attempt} of {MaxAttempts} failed ({Failure}); retrying in {DelayMs:0} ms.")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, int maxAttempts, string failure, double delayMs);

    [LoggerMessage(EventId = 1002, EventName = "DatabrainRetryAfterTooLong", Level = LogLevel.Warning,
        Message = "DataBrain {Operation}: HTTP {Status} asked to wait {RetryAfterMs:0} ms, longer than MaxRetryAfter ({MaxRetryAfterMs:0} ms); failing now instead of retrying.")]
    public static partial void RetryAfterTooLong(ILogger logger, string operation, int status, double retryAfterMs, double maxRetryAfterMs);

    [LoggerMessage(EventId = 1003, EventName = "DatabrainOutcomeUnknown", Level = LogLevel.Warning,
        Message = "DataBrain {Operation}: no answer after the request may have reached the server ({Failure}); not sent again. Datasource exists: {DatasourceExists}.")]
    public static partial void OutcomeUnknown(ILogger logger, string operation, string failure, bool? datasourceExists);

    [LoggerMessage(EventId = 1004, EventName = "DatabrainUpsertFallback", Level = LogLevel.Debug,
        Message = "DataBrain upsert of {DatasourceType} '{DatasourceName}': {Reason}; {Next}.")]
    public static partial void UpsertFallback(ILogger logger, string datasourceType, string datasourceName, string reason, string next);

    /// <summary>A step of an apply ended (Debug when it succeeded, Information when it failed or was canceled).</summary>
    [LoggerMessage(EventId = 2003, EventName = "DatabrainApplyStep",
        Message = "DataBrain apply: {Action} of {DatasourceType} '{DatasourceName}' {Status} in {DurationMs:0} ms.")]
    public static partial void ApplyStep(
        ILogger logger, LogLevel level, string action, string datasourceType, string datasourceName, string status, double durationMs);

    private static readonly EventId SucceededEvent = new(2001, "DatabrainOperationSucceeded");
    private static readonly EventId FailedEvent = new(2002, "DatabrainOperationFailed");

    /// <summary>A call succeeded (Debug: a healthy app logs nothing per call at Information).</summary>
    public static void Succeeded(
        ILogger logger, string operation, string? purpose, int? status, int attempts, double durationMs, string? datasourceType,
        string? datasourceName, string? requestId)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var line = new CallLogLine(operation, purpose, succeeded: true, status, null, null, attempts, durationMs, datasourceType, datasourceName, requestId);
            logger.Log(LogLevel.Debug, SucceededEvent, line, null, static (line, _) => line.ToString());
        }
    }

    /// <summary>A call failed (Information: the exception reaches the caller, whose code decides how bad it is).</summary>
    public static void Failed(
        ILogger logger, string operation, string? purpose, int? status, string? errorCode, string errorType, int attempts, double durationMs,
        string? datasourceType, string? datasourceName, string? requestId)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var line = new CallLogLine(
                operation, purpose, succeeded: false, status, errorCode, errorType, attempts, durationMs, datasourceType, datasourceName, requestId);
            logger.Log(LogLevel.Information, FailedEvent, line, null, static (line, _) => line.ToString());
        }
    }
}
