using BenchmarkDotNet.Attributes;

namespace Databrain.Client.Benchmarks.Operations;

/// <summary>
/// One operation through every contestant; the floor is the baseline. Set-up runs each contestant once
/// and checks its answer, so a contestant that silently did something else fails the run (even a dry one).
/// </summary>
[Config(typeof(BenchmarkConfig))]
public abstract class OperationBenchmarks
{
    private Contestants? _contestants;

    protected Contestants C => _contestants ?? throw new InvalidOperationException("Set-up has not run.");

    protected virtual bool ConflictOnCreate => false;

    [GlobalSetup]
    public void Setup()
    {
        _contestants = new Contestants(ConflictOnCreate);
        VerifyAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _contestants?.Dispose();

    protected abstract Task VerifyAsync();

    protected static void Expect<T>(string contestant, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new InvalidOperationException($"{contestant}: expected {expected}, got {actual}.");
        }
    }
}
