using Databrain.Client.Pipeline;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Databrain.Client.Resilience;

/// <summary>
/// Builds the client's Polly pipeline (Polly.Core, once per client), which the call runner runs around every attempt.
/// Outermost first: retry, circuit breaker (when enabled). The attempt timeout and the call's deadline are the runner's
/// own, on one timer (<see cref="CallTimer"/>). A strategy that is switched off is left out.
/// </summary>
internal static class DatabrainResiliencePipeline
{
    /// <summary>The pipeline, or <see langword="null"/> when resilience is switched off (each call is then one attempt).</summary>
    public static ResiliencePipeline<Answer>? Build(DatabrainResilienceOptions options, ILogger logger, TimeProvider timeProvider)
    {
        if (!options.Enabled)
        {
            return null;
        }

        var builder = new ResiliencePipelineBuilder<Answer> { TimeProvider = timeProvider };
        if (options.Retry.MaxRetries > 0)
        {
            var policy = new DatabrainRetryPolicy(options.Retry, logger, timeProvider);
            builder.AddRetry(new RetryStrategyOptions<Answer>
            {
                MaxRetryAttempts = options.Retry.MaxRetries,
                ShouldHandle = policy.ShouldRetryAsync,
                DelayGenerator = policy.NextDelayAsync,

                // Every delay comes from the generator; these only keep Polly's own computation trivial.
                BackoffType = DelayBackoffType.Constant,
                Delay = TimeSpan.Zero,
                UseJitter = false,
            });
        }

        var breaker = options.CircuitBreaker;
        if (breaker.Enabled)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<Answer>
            {
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
                ShouldHandle = static args => new(RetryRules.IsTransientFailure(args.Outcome, args.Context.CancellationToken)),
            });
        }

        return builder.Build();
    }
}
