namespace Databrain.Emulator;

/// <summary>How a connection test ended.</summary>
public enum ConnectionProbeOutcome
{
    /// <summary>Connected (and cached the schema, if the probe does that).</summary>
    Succeeded,

    /// <summary>Could not connect with these credentials: answered with <c>400 CREDENTIAL_TEST_FAILED</c>.</summary>
    CredentialTestFailed,

    /// <summary>Connected, but reading the schema failed: answered with <c>500 SCHEMA_CACHE_FAILED</c>.</summary>
    SchemaCacheFailed,
}
