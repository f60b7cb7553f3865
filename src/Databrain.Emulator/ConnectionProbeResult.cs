namespace Databrain.Emulator;

/// <summary>The result of <see cref="IConnectionProbe.ProbeAsync"/>.</summary>
public sealed class ConnectionProbeResult
{
    private static readonly ConnectionProbeResult SucceededWithoutSchema = new(ConnectionProbeOutcome.Succeeded, null, null);

    private ConnectionProbeResult(ConnectionProbeOutcome outcome, string? message, DatasourceSchema? schema)
    {
        Outcome = outcome;
        Message = message;
        Schema = schema;
    }

    /// <summary>How the test ended.</summary>
    public ConnectionProbeOutcome Outcome { get; }

    /// <summary>
    /// For a failure, the reason given to the caller in the error message. The emulator replaces
    /// any secret credential value in it with <c>***</c> before answering.
    /// </summary>
    public string? Message { get; }

    /// <summary>For a success, the schema read from the datasource, if the probe reads one.</summary>
    public DatasourceSchema? Schema { get; }

    /// <summary>A successful test, optionally with the schema it read.</summary>
    /// <param name="schema">The schema to cache, or <see langword="null"/> when the probe reads none.</param>
    /// <returns>The result.</returns>
    public static ConnectionProbeResult Success(DatasourceSchema? schema = null) =>
        schema is null ? SucceededWithoutSchema : new(ConnectionProbeOutcome.Succeeded, null, schema);

    /// <summary>A failed connection: the request is answered with <c>400 CREDENTIAL_TEST_FAILED</c>.</summary>
    /// <param name="message">The reason, for example the driver's message. It must not contain a secret.</param>
    /// <returns>The result.</returns>
    public static ConnectionProbeResult CredentialTestFailed(string message) =>
        new(ConnectionProbeOutcome.CredentialTestFailed, message, null);

    /// <summary>Connected, but reading the schema failed: the request is answered with <c>500 SCHEMA_CACHE_FAILED</c>.</summary>
    /// <param name="message">The reason. It must not contain a secret.</param>
    /// <returns>The result.</returns>
    public static ConnectionProbeResult SchemaCacheFailed(string message) =>
        new(ConnectionProbeOutcome.SchemaCacheFailed, message, null);
}
