using Databrain.Emulator;

namespace Databrain.Cli.Tests.Support;

/// <summary>
/// A connection probe that interrupts the tool while DataBrain is testing a connection (as Ctrl+C would), then holds
/// that request until the tool has abandoned it: the step is cut off mid-call.
/// </summary>
public sealed class CancelingProbe(CancellationTokenSource interrupt) : IConnectionProbe
{
    public async ValueTask<ConnectionProbeResult> ProbeAsync(ConnectionProbeContext context, CancellationToken cancellationToken)
    {
        await interrupt.CancelAsync();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return ConnectionProbeResult.Success();
    }
}
