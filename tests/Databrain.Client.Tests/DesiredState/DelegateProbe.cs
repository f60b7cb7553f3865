using Databrain.Emulator;

namespace Databrain.Client.Tests.DesiredState;

/// <summary>An emulator connection probe that runs a test's code for each create and update.</summary>
public sealed class DelegateProbe(Func<ConnectionProbeContext, CancellationToken, Task<ConnectionProbeResult>> probe) : IConnectionProbe
{
    /// <summary>Fails the connection test of the named datasources, accepts the rest.</summary>
    public static DelegateProbe Rejecting(params string[] names) => new((context, _) => Task.FromResult(
        names.Contains(context.Name) ? ConnectionProbeResult.CredentialTestFailed("connection refused") : ConnectionProbeResult.Success()));

    public async ValueTask<ConnectionProbeResult> ProbeAsync(ConnectionProbeContext context, CancellationToken cancellationToken) =>
        await probe(context, cancellationToken);
}
