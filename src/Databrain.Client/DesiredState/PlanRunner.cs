using System.Runtime.ExceptionServices;
using Databrain.Client.Diagnostics;
using Databrain.Client.Models;
using Microsoft.Extensions.Logging;

namespace Databrain.Client.DesiredState;

/// <summary>
/// Runs a plan through the client's own (virtual) methods: a create step upserts, an update step updates (and upserts if
/// the datasource was deleted since the plan), a delete step deletes. Two phases: every create and update, then,
/// once all of them have finished, every delete; within a phase steps start in the plan's order, at most
/// <see cref="DatasourceApplyOptions.MaxConcurrency"/> at once. A finished step is recorded and reported (one report
/// at a time, under a lock) before its slot frees, so a progress callback that cancels stops the next start. A callback
/// that throws is the caller's bug, not a step's failure: no step starts after it, and once the running ones end the
/// apply rethrows it (as <c>Parallel.ForEachAsync</c> does with its body's).
/// </summary>
internal sealed class PlanRunner
{
    private readonly DatabrainClient _client;
    private readonly IReadOnlyList<DatasourcePlanStep> _steps;
    private readonly int _maxConcurrency;
    private readonly bool _stopOnFirstFailure;
    private readonly IProgress<DatasourceApplyProgress>? _progress;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DatasourceStepOutcome?[] _outcomes;
    private readonly object _finishing = new();
    private int _completed;
    private int _failed;
    private ExceptionDispatchInfo? _progressFailure;

    private PlanRunner(
        DatabrainClient client, DatasourcePlan plan, DatasourceApplyOptions options, IProgress<DatasourceApplyProgress>? progress,
        TimeProvider time, ILogger logger)
    {
        _client = client;
        _steps = plan.Steps;
        _maxConcurrency = options.MaxConcurrency;
        _stopOnFirstFailure = options.StopOnFirstFailure;
        _progress = progress;
        _time = time;
        _logger = logger;
        _outcomes = new DatasourceStepOutcome?[_steps.Count];
    }

    public static async Task<DatasourceApplyResult> RunAsync(
        DatabrainClient client, DatasourcePlan plan, DatasourceApplyOptions? options, IProgress<DatasourceApplyProgress>? progress,
        TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        options ??= new DatasourceApplyOptions();
        if (options.MaxConcurrency < 1)
        {
            throw new ArgumentException($"MaxConcurrency must be at least 1 (it is {options.MaxConcurrency}).", nameof(options));
        }

        return await new PlanRunner(client, plan, options, progress, time, logger).RunAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<DatasourceApplyResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        await RunPhaseAsync(step => step.Action != DatasourceAction.Delete, cancellationToken).ConfigureAwait(false);
        await RunPhaseAsync(step => step.Action == DatasourceAction.Delete, cancellationToken).ConfigureAwait(false);
        Volatile.Read(ref _progressFailure)?.Throw();

        var outcomes = new DatasourceStepOutcome[_steps.Count];
        var canceled = false;
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = _outcomes[i] ?? new DatasourceStepOutcome(_steps[i], DatasourceStepStatus.NotStarted, null, null, TimeSpan.Zero);
            canceled |= outcomes[i].Status is DatasourceStepStatus.NotStarted or DatasourceStepStatus.Canceled;
        }

        // Canceled: the token stopped something. A token canceled after the last step ended changes nothing.
        canceled &= cancellationToken.IsCancellationRequested;
        return new DatasourceApplyResult(Array.AsReadOnly(outcomes), _time.GetElapsedTime(started), canceled);
    }

    private async Task RunPhaseAsync(Func<DatasourcePlanStep, bool> inPhase, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(_maxConcurrency, _maxConcurrency);
        var running = new List<Task>();
        for (var index = 0; index < _steps.Count; index++)
        {
            if (!inPhase(_steps[index]))
            {
                continue;
            }

            if (ShouldStop(cancellationToken))
            {
                break;
            }

            try
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            // A step that finished while this one waited may have failed or canceled.
            if (ShouldStop(cancellationToken))
            {
                slots.Release();
                break;
            }

            running.Add(RunStepAsync(index, slots, cancellationToken));
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private bool ShouldStop(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested
        || (_stopOnFirstFailure && Volatile.Read(ref _failed) > 0)
        || Volatile.Read(ref _progressFailure) is not null;

    private async Task RunStepAsync(int index, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            Finish(index, await ExecuteAsync(_steps[index], cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<DatasourceStepOutcome> ExecuteAsync(DatasourcePlanStep step, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        try
        {
            DatabrainResult result = step.Action switch
            {
                DatasourceAction.Delete => await _client.DeleteDatasourceAsync(step.Name, cancellationToken).ConfigureAwait(false),
                DatasourceAction.Update => await UpdateAsync(step.Definition!, cancellationToken).ConfigureAwait(false),
                _ => await _client.UpsertDatasourceAsync(step.Definition!.Credentials, step.Definition.TenancySettings, cancellationToken).ConfigureAwait(false),
            };
            return new DatasourceStepOutcome(step, DatasourceStepStatus.Succeeded, result, null, _time.GetElapsedTime(started));
        }
        catch (OperationCanceledException canceled) when (cancellationToken.IsCancellationRequested)
        {
            return new DatasourceStepOutcome(step, DatasourceStepStatus.Canceled, null, canceled, _time.GetElapsedTime(started));
        }
        catch (Exception failure)
        {
            // Any failure is this step's outcome, not the apply's end: the typed DatabrainException as thrown.
            return new DatasourceStepOutcome(step, DatasourceStepStatus.Failed, null, failure, _time.GetElapsedTime(started));
        }
    }

    // The plan saw the name, so the update goes first (one request, not a create that conflicts and then the update);
    // a datasource deleted since the listing falls back to the upsert, which creates it.
    private async Task<UpsertDatasourceResult> UpdateAsync(DatasourceDefinition definition, CancellationToken cancellationToken)
    {
        try
        {
            var updated = await _client.UpdateDatasourceAsync(definition.Credentials, definition.TenancySettings, cancellationToken).ConfigureAwait(false);
            return new UpsertDatasourceResult(UpsertAction.Updated, updated.Name, updated.Id, updated.Status, updated.RequestId);
        }
        catch (DatasourceNotFoundException)
        {
            return await _client.UpsertDatasourceAsync(definition.Credentials, definition.TenancySettings, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Finish(int index, DatasourceStepOutcome outcome)
    {
        var step = outcome.Step;
        ClientLog.ApplyStep(
            _logger,
            outcome.Status == DatasourceStepStatus.Succeeded ? LogLevel.Debug : LogLevel.Information,
            step.Action.ToString().ToLowerInvariant(),
            step.DatasourceType?.Value ?? "datasource",
            step.Name,
            outcome.Status.ToString().ToLowerInvariant(),
            outcome.Elapsed.TotalMilliseconds);

        lock (_finishing)
        {
            _outcomes[index] = outcome;
            _completed++;
            if (outcome.Status == DatasourceStepStatus.Failed)
            {
                Volatile.Write(ref _failed, _failed + 1);
            }

            if (_progress is null || _progressFailure is not null)
            {
                return;
            }

            try
            {
                _progress.Report(new DatasourceApplyProgress(outcome, _completed, _failed, _steps.Count));
            }
            catch (Exception callbackFailure)
            {
                Volatile.Write(ref _progressFailure, ExceptionDispatchInfo.Capture(callbackFailure));
            }
        }
    }
}
