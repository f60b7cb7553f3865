using System.Diagnostics;
using Databrain.Client.Secrets;

namespace Databrain.Client;

/// <summary>
/// Settings of a <see cref="DatabrainClient"/>. Bind them from configuration (<c>Databrain:BaseAddress</c>,
/// <c>Databrain:ServiceToken</c>, ...) or set them in code. The client copies them when it is built, so
/// later changes do not affect it.
/// </summary>
public sealed class DatabrainClientOptions
{
    /// <summary>The configuration section read by default: <c>Databrain</c>.</summary>
    public const string DefaultSectionName = "Databrain";

    /// <summary>DataBrain's cloud API: <c>https://api.usedatabrain.com</c>.</summary>
    public static Uri DefaultBaseAddress { get; } = new("https://api.usedatabrain.com");

    /// <summary>
    /// The API's base address: the cloud by default, or your self-hosted DataBrain. Must be absolute, and
    /// <c>https</c> unless the host is loopback or <see cref="AllowInsecureHttp"/> is set.
    /// </summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>
    /// The organization's service token, sent as <c>Authorization: Bearer</c>. Set this or
    /// <see cref="ServiceTokenProvider"/>. Never printed: <see cref="ToString"/> masks it.
    /// </summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string? ServiceToken { get; set; }

    /// <summary>
    /// Supplies the service token for each request, so a rotated token needs no new client.
    /// Takes precedence over <see cref="ServiceToken"/>.
    /// </summary>
    public Func<CancellationToken, ValueTask<string>>? ServiceTokenProvider { get; set; }

    /// <summary>
    /// The longest a whole call may take, retries, their delays and any wait for a <see cref="RateLimit"/> permit
    /// included (default 2 minutes: create and update test a live connection and cache the schema before they
    /// answer). Use <see cref="Timeout.InfiniteTimeSpan"/> for none. Each attempt is also bounded by
    /// <see cref="DatabrainResilienceOptions.AttemptTimeout"/>.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries, the per-attempt timeout and the circuit breaker; see <see cref="DatabrainResilienceOptions"/>.</summary>
    public DatabrainResilienceOptions Resilience { get; set; } = new();

    /// <summary>
    /// A client-side rate limit shared by every call of this client, off by default; see
    /// <see cref="DatabrainRateLimitOptions"/>. Applies whether or not <see cref="DatabrainResilienceOptions.Enabled"/> is set.
    /// </summary>
    public DatabrainRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>
    /// When a create or delete ends without an answer after the request may have reached the server (default
    /// <see langword="true"/>): look the name up by listing datasources before throwing
    /// <see cref="DatabrainOutcomeUnknownException"/>, so that <see cref="DatabrainOutcomeUnknownException.DatasourceExists"/>
    /// says whether the datasource now exists. The lookup is bounded by <see cref="Timeout"/>.
    /// </summary>
    public bool VerifyUnknownOutcome { get; set; } = true;

    /// <summary>
    /// Your application's product token (for example <c>MyApp/1.2</c>); the SDK appends
    /// <c>Databrain.Client/&lt;version&gt;</c> to the <c>User-Agent</c> header.
    /// </summary>
    public string? UserAgent { get; set; }

    /// <summary>Allows a plain <c>http</c> base address on a host that is not loopback. Off by default.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    /// <returns>The problems, each naming the option.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
        {
            problems.Add($"{nameof(BaseAddress)} must be an absolute URI.");
        }
        else if (BaseAddress.Scheme != Uri.UriSchemeHttps && BaseAddress.Scheme != Uri.UriSchemeHttp)
        {
            problems.Add($"{nameof(BaseAddress)} must use https.");
        }
        else if (BaseAddress.Scheme == Uri.UriSchemeHttp && !BaseAddress.IsLoopback && !AllowInsecureHttp)
        {
            problems.Add($"{nameof(BaseAddress)} must use https unless the host is loopback or {nameof(AllowInsecureHttp)} is set.");
        }

        if (ServiceTokenProvider is null && string.IsNullOrWhiteSpace(ServiceToken))
        {
            problems.Add($"{nameof(ServiceToken)} must be set (or {nameof(ServiceTokenProvider)}).");
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            problems.Add($"{nameof(Timeout)} must be positive or infinite.");
        }

        if (Resilience is null)
        {
            problems.Add($"{nameof(Resilience)} must be set.");
        }
        else
        {
            Resilience.Validate($"{nameof(Resilience)}.", problems);
        }

        if (RateLimit is null)
        {
            problems.Add($"{nameof(RateLimit)} must be set.");
        }
        else
        {
            RateLimit.Validate($"{nameof(RateLimit)}.", problems);
        }

        return problems;
    }

    /// <summary>The options with the token masked.</summary>
    /// <returns>A one-line description that holds no secret.</returns>
    public override string ToString() =>
        $"{nameof(DatabrainClientOptions)} {{ {nameof(BaseAddress)} = {BaseAddress}, " +
        $"{nameof(ServiceToken)} = {(ServiceToken is null ? "(none)" : SecretMask.Value)}, " +
        $"{nameof(ServiceTokenProvider)} = {(ServiceTokenProvider is null ? "(none)" : "(set)")}, " +
        $"{nameof(Timeout)} = {Timeout}, {nameof(UserAgent)} = {UserAgent ?? "(none)"}, " +
        $"{nameof(AllowInsecureHttp)} = {AllowInsecureHttp}, {nameof(VerifyUnknownOutcome)} = {VerifyUnknownOutcome}, " +
        $"{nameof(Resilience)} = {Resilience?.ToString() ?? "(none)"}, {nameof(RateLimit)} = {RateLimit?.ToString() ?? "(none)"} }}";

    /// <summary>A deep copy: the sub-options are copied too, so a frozen client shares nothing mutable with the caller.</summary>
    internal DatabrainClientOptions Clone()
    {
        var copy = (DatabrainClientOptions)MemberwiseClone();
        copy.Resilience = Resilience?.Clone()!;
        copy.RateLimit = RateLimit?.Clone()!;
        return copy;
    }
}
