namespace Databrain.Client;

/// <summary>
/// When and how a failed attempt is sent again. Which failures are retried depends on the operation (see
/// <c>docs/resilience.md</c>): list, update and sync are retried on any transient failure; create and delete only
/// when the failure proves the server did not process the request (no connection, 429 or 503).
/// </summary>
public sealed class DatabrainRetryOptions
{
    /// <summary>
    /// How many times a failed attempt may be sent again (default 3, so at most 4 attempts). 0 turns retries off.
    /// At most 10.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// The first retry's delay before jitter (default 1 second). The n-th retry waits a random time between half
    /// and all of <c>BaseDelay × 2^(n-1)</c>, capped at <see cref="MaxDelay"/>: about 0.5–1 s, 1–2 s, 2–4 s by default.
    /// </summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest computed backoff delay (default 30 seconds). A <c>Retry-After</c> is capped by <see cref="MaxRetryAfter"/> instead.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits for (default 30 seconds). When the server asks for longer,
    /// the call fails at once, without sleeping: a 429 with <see cref="DatabrainRateLimitedException"/> carrying the
    /// requested delay, a 503 with <see cref="DatabrainServerException"/>.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The settings on one line.</summary>
    /// <returns>A description of these options.</returns>
    public override string ToString() =>
        $"{{ {nameof(MaxRetries)} = {MaxRetries}, {nameof(BaseDelay)} = {BaseDelay}, {nameof(MaxDelay)} = {MaxDelay}, " +
        $"{nameof(MaxRetryAfter)} = {MaxRetryAfter} }}";

    internal DatabrainRetryOptions Clone() => (DatabrainRetryOptions)MemberwiseClone();

    internal void Validate(string prefix, List<string> problems)
    {
        if (MaxRetries is < 0 or > 10)
        {
            problems.Add($"{prefix}{nameof(MaxRetries)} must be between 0 and 10.");
        }

        if (BaseDelay < TimeSpan.Zero || BaseDelay > TimeSpan.FromDays(1))
        {
            problems.Add($"{prefix}{nameof(BaseDelay)} must be between zero and one day.");
        }

        if (MaxDelay < BaseDelay || MaxDelay > TimeSpan.FromDays(1))
        {
            problems.Add($"{prefix}{nameof(MaxDelay)} must be at least {nameof(BaseDelay)} and at most one day.");
        }

        if (MaxRetryAfter < TimeSpan.Zero || MaxRetryAfter > TimeSpan.FromDays(1))
        {
            problems.Add($"{prefix}{nameof(MaxRetryAfter)} must be between zero and one day.");
        }
    }
}
