namespace Databrain.Client;

/// <summary>
/// A circuit breaker over every attempt of one client: when too many attempts fail in a window, calls fail at once
/// with <see cref="DatabrainCircuitOpenException"/> for <see cref="BreakDuration"/>, then one trial attempt decides
/// whether it closes again. Off by default (see <see cref="Enabled"/>).
/// </summary>
public sealed class DatabrainCircuitBreakerOptions
{
    /// <summary>
    /// Whether the breaker is on (default <see langword="false"/>). A datasource API is called rarely and in small
    /// bursts, so the sampling window seldom sees enough attempts to judge; one breaker per client would also let
    /// failing syncs block creates; and the retry rules plus <c>Retry-After</c> already keep a struggling server from
    /// being hammered. Turn it on for high-volume automation that should stop fast while DataBrain is down.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>The share of failed attempts in <see cref="SamplingDuration"/> that opens the circuit (default 0.5; more than 0, at most 1).</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>The fewest attempts in <see cref="SamplingDuration"/> before the ratio counts (default 10; at least 2).</summary>
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>The window over which failures are counted (default 30 seconds; at least half a second).</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before a trial attempt is let through (default 30 seconds; at least half a second).</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The settings on one line.</summary>
    /// <returns>A description of these options.</returns>
    public override string ToString() =>
        $"{{ {nameof(Enabled)} = {Enabled}, {nameof(FailureRatio)} = {FailureRatio}, {nameof(MinimumThroughput)} = {MinimumThroughput}, " +
        $"{nameof(SamplingDuration)} = {SamplingDuration}, {nameof(BreakDuration)} = {BreakDuration} }}";

    internal DatabrainCircuitBreakerOptions Clone() => (DatabrainCircuitBreakerOptions)MemberwiseClone();

    internal void Validate(string prefix, List<string> problems)
    {
        if (!(FailureRatio > 0 && FailureRatio <= 1))
        {
            problems.Add($"{prefix}{nameof(FailureRatio)} must be more than 0 and at most 1.");
        }

        if (MinimumThroughput < 2)
        {
            problems.Add($"{prefix}{nameof(MinimumThroughput)} must be at least 2.");
        }

        if (SamplingDuration < TimeSpan.FromMilliseconds(500) || SamplingDuration > TimeSpan.FromDays(1))
        {
            problems.Add($"{prefix}{nameof(SamplingDuration)} must be between half a second and one day.");
        }

        if (BreakDuration < TimeSpan.FromMilliseconds(500) || BreakDuration > TimeSpan.FromDays(1))
        {
            problems.Add($"{prefix}{nameof(BreakDuration)} must be between half a second and one day.");
        }
    }
}
