using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Databrain.Client.Resilience;

/// <summary>
/// Builds the SDK's pipeline, the same on both paths: <c>AddResilienceHandler</c> on the DI path, a
/// <c>ResilienceHandler</c> in <c>DatabrainHttpClientFactory</c>'s chain otherwise. Outermost first: retry, circuit
/// breaker (when enabled), per-attempt timeout. The call's total timeout is the client's own (it tells the
/// caller's cancellation apart from the SDK's deadline). A strategy that is switched off is left out.
/// </summary>
internal static class DatabrainResiliencePipeline
{
    /// <summary>The pipeline's name on the DI path (the registry prefixes it with the HttpClient's name).</summary>
    public const string Name = "databrain";

    /// <summary>The pipeline, or <see langword="null"/> when resilience is switched off (no handler is needed then).</summary>
    public static ResiliencePipeline<HttpResponseMessage>? Build(DatabrainResilienceOptions options, ILogger logger, TimeProvider timeProvider)
    {
        if (!options.Enabled)
        {
            return null;
        }

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        Configure(builder, options, logger, timeProvider);
        return builder.Build();
    }

    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, DatabrainResilienceOptions options, ILogger logger, TimeProvider timeProvider)
    {
        builder.TimeProvider = timeProvider;
        if (!options.Enabled)
        {
            return;
        }

        if (options.Retry.MaxRetries > 0)
        {
            var policy = new DatabrainRetryPolicy(options.Retry, logger, timeProvider);
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
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
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
                ShouldHandle = static args => new(
                    args.Outcome.Result is not { IsSuccessStatusCode: true }
                    && RetryRules.IsTransientFailure(args.Outcome, args.Context.CancellationToken)),
            });
        }

        if (options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout });
        }
    }
}
