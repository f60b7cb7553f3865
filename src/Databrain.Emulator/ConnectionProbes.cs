using Databrain.Emulator.Probes;

namespace Databrain.Emulator;

/// <summary>The built-in connection probes.</summary>
public static class ConnectionProbes
{
    /// <summary>The connect timeout of <see cref="TcpReachable"/> and <see cref="Postgres"/> when none is given.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Accepts every connection without contacting anything.</summary>
    public static IConnectionProbe Accept { get; } = new AcceptConnectionProbe();

    /// <summary>Fails every connection with <c>CREDENTIAL_TEST_FAILED</c>.</summary>
    public static IConnectionProbe Reject { get; } = new RejectConnectionProbe();

    /// <summary>
    /// Succeeds when a TCP connection opens to the datasource's host and port: <c>host</c> (or
    /// <c>server</c>, <c>serverHostname</c>, the host of <c>server_url</c>) and <c>port</c>
    /// (443 when the type has none).
    /// </summary>
    /// <param name="connectTimeout">How long to wait for the connection; <see cref="DefaultConnectTimeout"/> when <see langword="null"/>.</param>
    /// <returns>The probe.</returns>
    public static IConnectionProbe TcpReachable(TimeSpan? connectTimeout = null) =>
        new TcpReachableConnectionProbe(connectTimeout ?? DefaultConnectTimeout);

    /// <summary>
    /// Logs in to PostgreSQL with <c>host</c>, <c>port</c>, <c>username</c>, <c>password</c> and
    /// <c>database</c> (SSL only when <c>sslMode</c> is <see langword="true"/>), then caches the
    /// tables and columns of <c>schema</c> from <c>information_schema</c>.
    /// </summary>
    /// <param name="connectTimeout">The connect timeout; <see cref="DefaultConnectTimeout"/> when <see langword="null"/>.</param>
    /// <returns>The probe.</returns>
    public static IConnectionProbe Postgres(TimeSpan? connectTimeout = null) =>
        new PostgresConnectionProbe(connectTimeout ?? DefaultConnectTimeout);

    /// <summary>The built-in probe for a mode.</summary>
    /// <param name="mode">The mode.</param>
    /// <param name="connectTimeout">The connect timeout of the probes that connect.</param>
    /// <returns>The probe.</returns>
    public static IConnectionProbe FromMode(ConnectionProbeMode mode, TimeSpan? connectTimeout = null) => mode switch
    {
        ConnectionProbeMode.Accept => Accept,
        ConnectionProbeMode.Reject => Reject,
        ConnectionProbeMode.TcpReachable => TcpReachable(connectTimeout),
        ConnectionProbeMode.Postgres => Postgres(connectTimeout),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown connection probe mode."),
    };
}
