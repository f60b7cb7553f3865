using System.Diagnostics;
using Databrain.Client.Pipeline;
using Microsoft.Extensions.Logging;

namespace Databrain.Client.Diagnostics;

/// <summary>
/// The telemetry of one client call: its activity, attempt count, last status, duration, log line and metrics.
/// Created only when someone listens (a logger at Information, an activity or metric listener), so an unobserved
/// call allocates and formats nothing. The call runner holds it on the request and reports each attempt to it.
/// </summary>
internal sealed class OperationScope
{
    private readonly DatabrainOperation _operation;
    private readonly string? _datasourceType;
    private readonly string? _datasourceName;
    private readonly string? _purpose;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly long _started;
    private readonly Activity? _activity;
    private readonly string _serverAddress;
    private readonly int _serverPort;
    private int _attempts;
    private int? _status;

    private OperationScope(ApiRequest request, Uri baseAddress, ILogger logger, TimeProvider timeProvider)
    {
        var operation = request.Operation;
        _operation = operation;
        _datasourceType = request.Credentials?.DatasourceType.Value;
        _datasourceName = request.DatasourceName;
        _purpose = request.OutcomeCheckOf is { } checkedOperation ? $" (outcome check of a {checkedOperation.Verb()})" : null;
        _logger = logger;
        _timeProvider = timeProvider;
        _serverAddress = baseAddress.Host;
        _serverPort = baseAddress.Port;
        _started = timeProvider.GetTimestamp();
        _activity = DatabrainTelemetry.Source.StartActivity(operation.ActivityName(), ActivityKind.Internal);
        if (_activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(DatabrainTelemetry.OperationTag, operation.Verb());
            activity.SetTag(DatabrainTelemetry.DatasourceTypeTag, _datasourceType);
            activity.SetTag(DatabrainTelemetry.DatasourceNameTag, _datasourceName);
            activity.SetTag(DatabrainTelemetry.MethodTag, operation.Method());
            activity.SetTag(DatabrainTelemetry.ServerAddressTag, _serverAddress);
            activity.SetTag(DatabrainTelemetry.ServerPortTag, _serverPort);
        }
    }

    /// <summary>Starts observing a call, or returns <see langword="null"/> (allocating nothing) when nobody listens.</summary>
    public static OperationScope? Start(ApiRequest request, Uri baseAddress, ILogger logger, TimeProvider timeProvider) =>
        !logger.IsEnabled(LogLevel.Information) && !DatabrainTelemetry.IsObserved
            ? null
            : new OperationScope(request, baseAddress, logger, timeProvider);

    /// <summary>The call succeeded: one log line, the span's tags, the duration metric.</summary>
    /// <param name="requestId">The answer's request id (masked), if it had one.</param>
    public void Succeeded(string? requestId)
    {
        try
        {
            RecordSuccess(requestId);
        }
        finally
        {
            _activity?.Dispose();
        }
    }

    /// <summary>The call failed: one log line, the span's error status, the error and duration metrics.</summary>
    public void Failed(Exception failure)
    {
        try
        {
            RecordFailure(failure);
        }
        finally
        {
            _activity?.Dispose();
        }
    }

    /// <summary>An attempt starts (the first, or a retry): counts it and starts its child activity if anyone listens.</summary>
    public Activity? StartAttempt()
    {
        var resends = _attempts++;
        var attempt = DatabrainTelemetry.Source.StartActivity(DatabrainTelemetry.AttemptActivityName, ActivityKind.Client);
        if (attempt is { IsAllDataRequested: true })
        {
            attempt.DisplayName = _operation.Method();
            attempt.SetTag(DatabrainTelemetry.OperationTag, _operation.Verb());
            attempt.SetTag(DatabrainTelemetry.MethodTag, _operation.Method());
            attempt.SetTag(DatabrainTelemetry.ServerAddressTag, _serverAddress);
            attempt.SetTag(DatabrainTelemetry.ServerPortTag, _serverPort);
            if (resends > 0)
            {
                attempt.SetTag(DatabrainTelemetry.ResendCountTag, resends);
            }
        }

        return attempt;
    }

    /// <summary>The attempt got an answer (any status).</summary>
    public void AttemptAnswered(Activity? attempt, int status)
    {
        _status = status;
        if (attempt is null)
        {
            return;
        }

        attempt.SetTag(DatabrainTelemetry.StatusTag, DatabrainTelemetry.StatusValue(status));
        if (status >= 400)
        {
            attempt.SetTag(DatabrainTelemetry.ErrorTypeTag, DatabrainTelemetry.ErrorType(status, null));
            attempt.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>The attempt got no (complete) answer.</summary>
    public static void AttemptFailed(Activity? attempt, Exception failure)
    {
        if (attempt is null)
        {
            return;
        }

        attempt.SetTag(DatabrainTelemetry.ErrorTypeTag, DatabrainTelemetry.ErrorType(null, failure));
        attempt.SetStatus(ActivityStatusCode.Error);
    }

    private double ElapsedSeconds() => _timeProvider.GetElapsedTime(_started).TotalSeconds;

    private void RecordSuccess(string? requestId)
    {
        var seconds = ElapsedSeconds();
        var operation = _operation.Verb();
        ClientLog.Succeeded(_logger, operation, _purpose, _status, _attempts, seconds * 1000, _datasourceType, _datasourceName, requestId);
        if (_activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(DatabrainTelemetry.AttemptsTag, _attempts);
            if (_status is { } status)
            {
                activity.SetTag(DatabrainTelemetry.StatusTag, DatabrainTelemetry.StatusValue(status));
            }
        }

        if (DatabrainTelemetry.Duration.Enabled)
        {
            var tags = new TagList { { DatabrainTelemetry.OperationTag, operation } };
            AddCommonTags(ref tags, _status);
            DatabrainTelemetry.Duration.Record(seconds, tags);
        }
    }

    private void RecordFailure(Exception failure)
    {
        var seconds = ElapsedSeconds();
        var operation = _operation.Verb();
        var status = (failure as DatabrainException)?.Status;
        var errorType = DatabrainTelemetry.ErrorType(status, failure);
        var errorCode = DatabrainTelemetry.ErrorCode((failure as DatabrainException)?.ErrorCode);
        ClientLog.Failed(
            _logger, operation, _purpose, status, errorCode, errorType, _attempts, seconds * 1000, _datasourceType, _datasourceName,
            (failure as DatabrainException)?.RequestId);
        if (_activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(DatabrainTelemetry.AttemptsTag, _attempts);
            if (status is { } s)
            {
                activity.SetTag(DatabrainTelemetry.StatusTag, DatabrainTelemetry.StatusValue(s));
            }

            activity.SetTag(DatabrainTelemetry.ErrorTypeTag, errorType);
            activity.SetTag(DatabrainTelemetry.ErrorCodeTag, errorCode);
            activity.SetStatus(ActivityStatusCode.Error, errorCode ?? errorType);
        }

        if (DatabrainTelemetry.Duration.Enabled || DatabrainTelemetry.Errors.Enabled)
        {
            var tags = new TagList { { DatabrainTelemetry.OperationTag, operation } };
            AddCommonTags(ref tags, status);
            tags.Add(DatabrainTelemetry.ErrorTypeTag, errorType);
            if (errorCode is not null)
            {
                tags.Add(DatabrainTelemetry.ErrorCodeTag, errorCode);
            }

            DatabrainTelemetry.Duration.Record(seconds, tags);
            DatabrainTelemetry.Errors.Add(1, tags);
        }
    }

    private void AddCommonTags(ref TagList tags, int? status)
    {
        if (_datasourceType is not null)
        {
            tags.Add(DatabrainTelemetry.DatasourceTypeTag, _datasourceType);
        }

        if (status is { } s)
        {
            tags.Add(DatabrainTelemetry.StatusTag, DatabrainTelemetry.StatusValue(s));
        }
    }
}
