namespace Databrain.Client;

/// <summary>
/// The client's HTTP resilience: retries, a timeout per attempt and an optional circuit breaker. The total
/// <see cref="DatabrainClientOptions.Timeout"/> of a call, retries included, is set on the client options.
/// </summary>
public sealed class DatabrainResilienceOptions
{
    /// <summary>
    /// Whether the pipeline runs at all (default <see langword="true"/>). <see langword="false"/> sends each call
    /// once, with no per-attempt timeout and no circuit breaker; the total timeout still applies.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The longest one attempt may take, reading the whole answer included (default 60 seconds: create and update
    /// test a live connection and cache the schema before they answer). <see cref="Timeout.InfiniteTimeSpan"/> for
    /// none; otherwise between 10 milliseconds and one day. A list, update or sync attempt that times out is
    /// retried; a create or delete is not (the server may have acted), see <see cref="DatabrainOutcomeUnknownException"/>.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>When and how failed attempts are retried.</summary>
    public DatabrainRetryOptions Retry { get; set; } = new();

    /// <summary>The circuit breaker, off by default.</summary>
    public DatabrainCircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>The settings on one line.</summary>
    /// <returns>A description of these options.</returns>
    public override string ToString() =>
        $"{{ {nameof(Enabled)} = {Enabled}, {nameof(AttemptTimeout)} = {AttemptTimeout}, " +
        $"{nameof(Retry)} = {Retry?.ToString() ?? "(none)"}, {nameof(CircuitBreaker)} = {CircuitBreaker?.ToString() ?? "(none)"} }}";

    internal DatabrainResilienceOptions Clone()
    {
        var copy = (DatabrainResilienceOptions)MemberwiseClone();
        copy.Retry = Retry?.Clone()!;
        copy.CircuitBreaker = CircuitBreaker?.Clone()!;
        return copy;
    }

    internal void Validate(string prefix, List<string> problems)
    {
        if (AttemptTimeout != Timeout.InfiniteTimeSpan
            && (AttemptTimeout < TimeSpan.FromMilliseconds(10) || AttemptTimeout > TimeSpan.FromDays(1)))
        {
            problems.Add($"{prefix}{nameof(AttemptTimeout)} must be between 10 milliseconds and one day, or infinite.");
        }

        if (Retry is null)
        {
            problems.Add($"{prefix}{nameof(Retry)} must be set.");
        }
        else
        {
            Retry.Validate($"{prefix}{nameof(Retry)}.", problems);
        }

        if (CircuitBreaker is null)
        {
            problems.Add($"{prefix}{nameof(CircuitBreaker)} must be set.");
        }
        else
        {
            CircuitBreaker.Validate($"{prefix}{nameof(CircuitBreaker)}.", problems);
        }
    }
}
