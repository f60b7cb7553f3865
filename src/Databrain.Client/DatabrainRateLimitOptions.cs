namespace Databrain.Client;

/// <summary>
/// A client-side rate limit: at most <see cref="PermitLimit"/> requests in any span of <see cref="Window"/>, so a busy
/// client stays under the server's limit instead of collecting <c>429</c> answers. Off by default (see
/// <see cref="Enabled"/>). The defaults are a self-hosted DataBrain's own limit: 500 requests per client IP address
/// per 2 minutes, then <c>429</c>.
/// </summary>
/// <remarks>
/// Every request that goes on the wire takes a permit, retries and the outcome check's lookups included; a request
/// that finds none waits in line (oldest first). A permit comes back <see cref="Window"/> after its request's answer
/// arrived (or its attempt failed), so the server never sees more than <see cref="PermitLimit"/> of them in any span of
/// <see cref="Window"/>: a sliding log, not a fixed window that lets twice the limit through around a window's edge.
/// The wait counts against the call's <see cref="DatabrainClientOptions.Timeout"/> and ends at the caller's
/// cancellation. The limit belongs to one client instance: give each process (or client) its own share of the
/// server's limit. A <c>429</c> that still comes is retried after its <c>Retry-After</c> as before.
/// </remarks>
public sealed class DatabrainRateLimitOptions
{
    /// <summary>A self-hosted DataBrain's limit: 500 requests per client IP address per <see cref="DefaultWindow"/>.</summary>
    public const int DefaultPermitLimit = 500;

    /// <summary>A self-hosted DataBrain's window: 2 minutes.</summary>
    public static TimeSpan DefaultWindow { get; } = TimeSpan.FromMinutes(2);

    /// <summary>Whether requests are limited at all (default <see langword="false"/>: each is sent at once).</summary>
    public bool Enabled { get; set; }

    /// <summary>The most requests in any span of <see cref="Window"/> (default 500; at least 1).</summary>
    public int PermitLimit { get; set; } = DefaultPermitLimit;

    /// <summary>The span <see cref="PermitLimit"/> applies to (default 2 minutes; between 10 milliseconds and one day).</summary>
    public TimeSpan Window { get; set; } = DefaultWindow;

    /// <summary>The settings on one line.</summary>
    /// <returns>A description of these options.</returns>
    public override string ToString() =>
        $"{{ {nameof(Enabled)} = {Enabled}, {nameof(PermitLimit)} = {PermitLimit}, {nameof(Window)} = {Window} }}";

    internal DatabrainRateLimitOptions Clone() => (DatabrainRateLimitOptions)MemberwiseClone();

    internal void Validate(string prefix, List<string> problems)
    {
        if (PermitLimit < 1)
        {
            problems.Add($"{prefix}{nameof(PermitLimit)} must be at least 1.");
        }

        if (Window < TimeSpan.FromMilliseconds(10) || Window > TimeSpan.FromDays(1))
        {
            problems.Add($"{prefix}{nameof(Window)} must be between 10 milliseconds and one day.");
        }
    }
}
