using Microsoft.Extensions.Logging;

namespace Databrain.Client.Diagnostics;

/// <summary>
/// One log line per call (category <c>Databrain.Client</c>): the operation, the datasource's type and name, the
/// HTTP status, the attempts, the duration and the error code. Never a header, a body, a query value, the token
/// or a credential field; the exception itself is not attached (its server message is the caller's to log).
/// </summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 2001, EventName = "DatabrainOperationSucceeded", Level = LogLevel.Debug,
        Message = "DataBrain {Operation} succeeded: HTTP {Status}, {Attempts} attempt(s), {DurationMs:0.###} ms; datasource type {DatasourceType}, name {DatasourceName}.")]
    public static partial void Succeeded(
        ILogger logger, string operation, int? status, int attempts, double durationMs, string? datasourceType, string? datasourceName);

    [LoggerMessage(EventId = 2002, EventName = "DatabrainOperationFailed", Level = LogLevel.Information,
        Message = "DataBrain {Operation} failed: HTTP {Status}, error code {ErrorCode}, error type {ErrorType}, {Attempts} attempt(s), {DurationMs:0.###} ms; datasource type {DatasourceType}, name {DatasourceName}.")]
    public static partial void Failed(
        ILogger logger, string operation, int? status, string? errorCode, string errorType, int attempts, double durationMs,
        string? datasourceType, string? datasourceName);
}
