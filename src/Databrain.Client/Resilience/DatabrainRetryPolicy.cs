using Databrain.Client.Diagnostics;
using Databrain.Client.Pipeline;
using Databrain.Client.Transport;
using Microsoft.Extensions.Logging;
using Polly.Retry;

namespace Databrain.Client.Resilience;

/// <summary>
/// The retry strategy's decisions for one client: whether an attempt is retried (<see cref="RetryRules"/>, for the
/// operation the request carries, plus the <c>Retry-After</c> cap), how long to wait (the server's <c>Retry-After</c>,
/// else jittered exponential backoff), and the log line for each retry.
/// </summary>
internal sealed class DatabrainRetryPolicy(DatabrainRetryOptions options, ILogger logger, TimeProvider timeProvider)
{
    public ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<Answer> args)
    {
        // The success path pays for one property read.
        if (args.Outcome.Result is { IsSuccess: true })
        {
            return new(false);
        }

        var request = args.Context.Properties.GetValue(ApiRequest.ContextKey, null!);
        var retry = RetryRules.ShouldRetry(request.Operation, args.Outcome, args.Context.CancellationToken);
        if (retry && args.Outcome.Result is { } answer
            && ResponseHeaderReader.RetryAfter(answer.Headers, timeProvider) is { } wait && wait > options.MaxRetryAfter)
        {
            ClientLog.RetryAfterTooLong(logger, request.Operation.Verb(), answer.Status, wait.TotalMilliseconds, options.MaxRetryAfter.TotalMilliseconds);
            retry = false;
        }

        return new(retry);
    }

    public ValueTask<TimeSpan?> NextDelayAsync(RetryDelayGeneratorArguments<Answer> args)
    {
        var delay = args.Outcome.Result is { } answer && ResponseHeaderReader.RetryAfter(answer.Headers, timeProvider) is { } wait
            ? wait
            : Backoff(args.AttemptNumber);

        // Never wait past the call's deadline: the next attempt then finds no time left and ends the call as a timeout.
        var request = args.Context.Properties.GetValue(ApiRequest.ContextKey, null!);
        if (request.Timer?.Remaining is { } remaining && remaining != Timeout.InfiniteTimeSpan && remaining < delay)
        {
            delay = remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }

        if (logger.IsEnabled(LogLevel.Warning) || DatabrainTelemetry.Retries.Enabled)
        {
            var operation = request.Operation;
            ClientLog.Retrying(logger, operation.Verb(), args.AttemptNumber + 1, options.MaxRetries + 1, RetryRules.Describe(args.Outcome), delay.TotalMilliseconds);
            DatabrainTelemetry.RecordRetry(operation, args.Outcome.Result?.Status, args.Outcome.Exception);
        }

        return new(delay);
    }

    /// <summary>
    /// The delay after the failed attempt <paramref name="attemptNumber"/> (0-based): a random time between half and
    /// all of <c>BaseDelay × 2^attemptNumber</c>, that ceiling capped at <c>MaxDelay</c>. The jitter keeps many
    /// clients that failed together from retrying together.
    /// </summary>
    internal TimeSpan Backoff(int attemptNumber)
    {
        var ceiling = Math.Min(options.BaseDelay.TotalMilliseconds * Math.Pow(2, attemptNumber), options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (0.5 * Random.Shared.NextDouble())));
    }
}
