using Microsoft.Extensions.Logging;

namespace Databrain.Emulator.Logging;

/// <summary>
/// Every log line the emulator writes. Only operations, datasource types, names, statuses, codes
/// and request ids are logged: never a credential value, a request body or the token.
/// </summary>
internal static partial class EmulatorLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Operation} type={DatasourceType} name={Name} answered {Status} {Code} (request {RequestId})")]
    private static partial void LogAnswered(ILogger logger, string operation, string datasourceType, string name, int status, string code, string requestId);

    /// <summary>One answered request; absent parts are logged as <c>-</c>.</summary>
    public static void Answered(ILogger logger, string operation, string? datasourceType, string? name, int status, string? code, string requestId) =>
        LogAnswered(logger, operation, datasourceType ?? "-", name ?? "-", status, code ?? "OK", requestId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Emulator knob {Knob} changed")]
    public static partial void KnobChanged(ILogger logger, string knob);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} while answering {Method} {Path} (request {RequestId})")]
    public static partial void Unhandled(ILogger logger, string exceptionType, string method, string path, string requestId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Connection probe for {DatasourceType} '{Name}' threw {ExceptionType}")]
    public static partial void ProbeThrew(ILogger logger, string datasourceType, string name, string exceptionType);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "{Operation} name={Name} dropped {When}: connection aborted without an answer (status {Status} withheld; request {RequestId})")]
    private static partial void LogDropped(ILogger logger, string operation, string name, string when, int status, string requestId);

    /// <summary>A request whose connection was aborted on purpose; <paramref name="status"/> is 0 when it was not processed.</summary>
    public static void Dropped(ILogger logger, string operation, string? name, string when, int status, string requestId) =>
        LogDropped(logger, operation, name ?? "-", when, status, requestId);
}
