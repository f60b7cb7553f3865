using Databrain.Client.Diagnostics;
using Polly;
using Microsoft.Extensions.Logging;
using Polly.Retry;

namespace Databrain.Client.Resilience;

/// <summary>
/// The retry strategy's decisions for one client: whether an attempt is retried (<see cref="RetryRules"/> plus the
/// <c>Retry-After</c> cap), how long to wait (the server's <c>Retry-After</c>, else jittered exponential backoff),
/// and the log line for each retry.
/// </summary>
internal sealed class DatabrainRetryPolicy(DatabrainRetryOptions options, ILogger logger, TimeProvider timeProvider)
{
    public ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args)
    {
        // The success path pays for one property read.
        if (args.Outcome.Result is { IsSuccessStatusCode: true })
        {
            return new(false);
        }

        var request = args.Context.GetRequestMessage();
        var operation = RequestClassifier.Classify(request);
        var retry = RetryRules.ShouldRetry(operation, args.Outcome, args.Context.CancellationToken);
        if (retry && args.Outcome.Result is { } response
            && RetryRules.RetryAfter(response.Headers.RetryAfter, timeProvider) is { } wait && wait > options.MaxRetryAfter)
        {
            ResilienceLog.RetryAfterTooLong(logger, operation, (int)response.StatusCode, wait, options.MaxRetryAfter);
            retry = false;
        }

        if (UnrepeatableCall.Find(request) is { } call)
        {
            call.AwaitingRetry = retry && args.AttemptNumber < options.MaxRetries;
        }

        return new(retry);
    }

    public ValueTask<TimeSpan?> NextDelayAsync(RetryDelayGeneratorArguments<HttpResponseMessage> args)
    {
        var delay = args.Outcome.Result is { } response && RetryRules.RetryAfter(response.Headers.RetryAfter, timeProvider) is { } wait
            ? wait
            : Backoff(args.AttemptNumber);
        if (logger.IsEnabled(LogLevel.Warning) || DatabrainTelemetry.Retries.Enabled)
        {
            var operation = RequestClassifier.Classify(args.Context.GetRequestMessage());
            ResilienceLog.Retrying(logger, operation, args.AttemptNumber + 1, options.MaxRetries + 1, RetryRules.Describe(args.Outcome), delay);
            DatabrainTelemetry.RecordRetry(operation, (int?)args.Outcome.Result?.StatusCode, args.Outcome.Exception);
        }

        return new(options.DelayInterceptor?.Invoke(delay) ?? delay);
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
