namespace Databrain.Emulator;

/// <summary>The built-in connection tests the emulator can run when a datasource is created or updated.</summary>
public enum ConnectionProbeMode
{
    /// <summary>Every connection succeeds; nothing is contacted. The default for every type but <c>postgres</c> and <c>redshift</c>.</summary>
    Accept,

    /// <summary>Every connection fails with <c>CREDENTIAL_TEST_FAILED</c>.</summary>
    Reject,

    /// <summary>Succeeds when a TCP connection to the datasource's host and port opens within the timeout.</summary>
    TcpReachable,

    /// <summary>
    /// Logs in to PostgreSQL for real (Npgsql) and caches the tables and columns of the datasource's
    /// <c>schema</c>. The default for <c>postgres</c> and <c>redshift</c>.
    /// </summary>
    Postgres,
}
