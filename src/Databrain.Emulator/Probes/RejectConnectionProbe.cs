namespace Databrain.Emulator.Probes;

/// <summary>Rejects every connection.</summary>
internal sealed class RejectConnectionProbe : IConnectionProbe
{
    public ValueTask<ConnectionProbeResult> ProbeAsync(ConnectionProbeContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ConnectionProbeResult.CredentialTestFailed(
            "Credential test failed: the emulator is configured to reject connections for this datasource type."));
}
