namespace Databrain.Emulator.Tests.Infrastructure;

/// <summary>A connection probe made of a function, recording what it was given.</summary>
public sealed class DelegateProbe(Func<ConnectionProbeContext, ConnectionProbeResult> probe) : IConnectionProbe
{
    public List<ConnectionProbeContext> Calls { get; } = [];

    public ValueTask<ConnectionProbeResult> ProbeAsync(ConnectionProbeContext context, CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            Calls.Add(context);
        }

        return ValueTask.FromResult(probe(context));
    }
}
