using Microsoft.Extensions.Logging;

namespace Databrain.Emulator;

/// <summary>How <see cref="DatabrainEmulator.StartAsync"/> sets up an emulator.</summary>
public sealed class DatabrainEmulatorOptions
{
    /// <summary>The address an in-process emulator listens on: loopback, a free port.</summary>
    public const string LoopbackAnyPort = "http://127.0.0.1:0";

    /// <summary>
    /// The service token callers must send as <c>Authorization: Bearer &lt;token&gt;</c>. When
    /// <see langword="null"/> or empty, a random one is generated (see <see cref="DatabrainEmulator.ServiceToken"/>).
    /// </summary>
    public string? ServiceToken { get; set; }

    /// <summary>
    /// The Kestrel URL(s) to listen on, separated by <c>;</c>, as for ASP.NET Core's <c>--urls</c>.
    /// Defaults to <see cref="LoopbackAnyPort"/>.
    /// </summary>
    public string Urls { get; set; } = LoopbackAnyPort;

    /// <summary>
    /// Connection probes per <c>datasourceType</c> (wire value, for example <c>"mysql"</c>), overriding the
    /// defaults: <see cref="ConnectionProbes.Postgres"/> for <c>postgres</c> and <c>redshift</c>,
    /// <see cref="ConnectionProbes.Accept"/> for the rest. Ignored when <see cref="AcceptAllConnections"/> is set.
    /// </summary>
    public IDictionary<string, IConnectionProbe> ConnectionProbes { get; } = new Dictionary<string, IConnectionProbe>(StringComparer.Ordinal);

    /// <summary>Disables connection testing: every create and update is accepted without contacting anything.</summary>
    public bool AcceptAllConnections { get; set; }

    /// <summary>The connect timeout of the built-in probes that connect (TCP and PostgreSQL). Defaults to 5 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = Emulator.ConnectionProbes.DefaultConnectTimeout;

    /// <summary>The initial per-request latency; see <see cref="DatabrainEmulator.Latency"/>.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The initial random extra latency; see <see cref="DatabrainEmulator.LatencyJitter"/>.</summary>
    public TimeSpan LatencyJitter { get; set; }

    /// <summary>
    /// The rate limit the emulator starts with, and goes back to on <see cref="DatabrainEmulator.Reset"/>: at most this
    /// many <c>/api</c> requests per fixed <see cref="RateLimitWindow"/>, then <c>429 TOO_MANY_REQUESTS</c> with
    /// <c>Retry-After</c> (see <see cref="DatabrainEmulator.SetRateLimit"/>). <see langword="null"/> (the default) for none.
    /// A self-hosted DataBrain allows 500 per client IP address per 2 minutes.
    /// </summary>
    public int? RateLimitPermitLimit { get; set; }

    /// <summary>The window of <see cref="RateLimitPermitLimit"/> (default 2 minutes, a self-hosted DataBrain's).</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Records every <c>/api</c> request in <see cref="DatabrainEmulator.Requests"/> (operation, datasource name, what
    /// was done with it, status). Off by default: the log grows with every request until <see cref="DatabrainEmulator.Reset"/>.
    /// </summary>
    public bool RecordRequests { get; set; }

    /// <summary>The clock for latency, rate-limit windows and timestamps. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Adds logging providers (none by default: the emulator is silent). The emulator logs the
    /// operation, datasource type, name and status of each request, never a credential value or token.
    /// </summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>Sets the built-in probe for a datasource type.</summary>
    /// <param name="datasourceType">The wire value of <c>datasourceType</c>.</param>
    /// <param name="mode">The probe to use.</param>
    /// <returns>These options.</returns>
    public DatabrainEmulatorOptions UseConnectionProbe(string datasourceType, ConnectionProbeMode mode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasourceType);
        ConnectionProbes[datasourceType] = Emulator.ConnectionProbes.FromMode(mode, ConnectTimeout);
        return this;
    }
}
