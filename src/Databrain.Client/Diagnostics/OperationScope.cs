using System.Diagnostics;
using Databrain.Client.Models;
using Microsoft.Extensions.Logging;

namespace Databrain.Client.Diagnostics;

/// <summary>
/// The telemetry of one client call: its activity, attempt count, last status, duration, log line and metrics.
/// Created only when someone listens (a logger at Information, an activity or metric listener), so an unobserved
/// call allocates and formats nothing. It is the ambient <see cref="Current"/> while the call runs, which is how the
/// per-attempt handler (<c>SdkHeadersHandler</c>, below the retries) finds it.
/// </summary>
internal sealed class OperationScope
{
    private static readonly AsyncLocal<OperationScope?> CurrentScope = new();

    private readonly DatabrainOperation _operation;
    private readonly string? _datasourceType;
    private readonly string? _datasourceName;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly long _started;
    private readonly Activity? _activity;
    private readonly string _serverAddress;
    private readonly int _serverPort;
    private int _attempts;
    private int? _status;

    private OperationScope(
        DatabrainOperation operation, string? datasourceType, string? datasourceName, Uri baseAddress, ILogger logger, TimeProvider timeProvider)
    {
        _operation = operation;
        _datasourceType = datasourceType;
        _datasourceName = datasourceName;
        _logger = logger;
        _timeProvider = timeProvider;
        _serverAddress = baseAddress.Host;
        _serverPort = baseAddress.Port;
        _started = timeProvider.GetTimestamp();
        _activity = DatabrainTelemetry.Source.StartActivity(DatabrainTelemetry.ActivityName(operation), ActivityKind.Internal);
        if (_activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(DatabrainTelemetry.OperationTag, DatabrainTelemetry.OperationName(operation));
            activity.SetTag(DatabrainTelemetry.DatasourceTypeTag, datasourceType);
            activity.SetTag(DatabrainTelemetry.DatasourceNameTag, datasourceName);
            activity.SetTag(DatabrainTelemetry.MethodTag, DatabrainTelemetry.Method(operation));
            activity.SetTag(DatabrainTelemetry.ServerAddressTag, _serverAddress);
            activity.SetTag(DatabrainTelemetry.ServerPortTag, _serverPort);
        }
    }

    /// <summary>The call running in this async flow, if it is observed.</summary>
    public static OperationScope? Current => CurrentScope.Value;

    /// <summary>
    /// Starts observing a call, or returns <see langword="null"/> (allocating nothing) when nobody listens.
    /// <paramref name="credentials"/> names the datasource for create and update, <paramref name="datasourceName"/> for delete.
    /// </summary>
    public static OperationScope? Start(
        DatabrainOperation operation, DatasourceCredentials? credentials, string? datasourceName, Uri baseAddress, ILogger logger, TimeProvider timeProvider)
    {
        if (!logger.IsEnabled(LogLevel.Information) && !DatabrainTelemetry.IsObserved)
        {
            return null;
        }

        var scope = new OperationScope(
            operation, credentials?.DatasourceType.Value, datasourceName ?? credentials?.Name, baseAddress, logger, timeProvider);
        CurrentScope.Value = scope;
        return scope;
    }

    /// <summary>Awaits the call and records its outcome; the call's result or exception passes through unchanged.</summary>
    public async Task<T?> ObserveAsync<T>(Task<T?> call)
    {
        try
        {
            var result = await call.ConfigureAwait(false);
            Succeeded();
            return result;
        }
        catch (Exception failure)
        {
            Failed(failure);
            throw;
        }
        finally
        {
            _activity?.Dispose();
        }
    }

    /// <summary>An attempt starts (the first, or a retry): counts it and starts its child activity if anyone listens.</summary>
    public Activity? StartAttempt(HttpRequestMessage request)
    {
        var resends = _attempts++;
        var attempt = DatabrainTelemetry.Source.StartActivity(DatabrainTelemetry.AttemptActivityName, ActivityKind.Client);
        if (attempt is { IsAllDataRequested: true })
        {
            attempt.DisplayName = request.Method.Method;
            attempt.SetTag(DatabrainTelemetry.OperationTag, DatabrainTelemetry.OperationName(_operation));
            attempt.SetTag(DatabrainTelemetry.MethodTag, request.Method.Method);
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
    public void AttemptAnswered(Activity? attempt, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
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

    private void Succeeded()
    {
        var seconds = ElapsedSeconds();
        var operation = DatabrainTelemetry.OperationName(_operation);
        ClientLog.Succeeded(_logger, operation, _status, _attempts, seconds * 1000, _datasourceType, _datasourceName);
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

    private void Failed(Exception failure)
    {
        var seconds = ElapsedSeconds();
        var operation = DatabrainTelemetry.OperationName(_operation);
        var status = (failure as DatabrainException)?.Status;
        var errorType = DatabrainTelemetry.ErrorType(status, failure);
        var errorCode = DatabrainTelemetry.ErrorCode((failure as DatabrainException)?.ErrorCode);
        ClientLog.Failed(_logger, operation, status, errorCode, errorType, _attempts, seconds * 1000, _datasourceType, _datasourceName);
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
