namespace Databrain.Emulator.Probes;

/// <summary>Accepts every connection.</summary>
internal sealed class AcceptConnectionProbe : IConnectionProbe
{
    public ValueTask<ConnectionProbeResult> ProbeAsync(ConnectionProbeContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ConnectionProbeResult.Success());
}
