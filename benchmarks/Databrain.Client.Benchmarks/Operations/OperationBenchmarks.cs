using BenchmarkDotNet.Attributes;
using Databrain.Client.Models;

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
        foreach (var benchmark in GetType().GetMethods().Where(method => method.IsDefined(typeof(BenchmarkAttribute), inherit: false)))
        {
            var task = (Task)benchmark.Invoke(this, null)!;
            task.GetAwaiter().GetResult();
            var actual = Named(task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task));
            var expected = Expected(benchmark.Name);
            if (!Equals(expected, actual is Exception exception ? exception.GetType() : actual))
            {
                throw new InvalidOperationException($"{benchmark.DeclaringType!.Name}.{benchmark.Name}: expected {expected}, got {actual}.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _contestants?.Dispose();

    // The SDK's create and update results are compared by the name they carry, as the others' answers are.
    private static object? Named(object? result) => result switch
    {
        CreateDatasourceResult created => created.Name,
        UpdateDatasourceResult updated => updated.Name,
        _ => result,
    };

    /// <summary>What the benchmark method <paramref name="contestant"/> must return (for an exception: its type).</summary>
    protected abstract object Expected(string contestant);
}
