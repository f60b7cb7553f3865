using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;

namespace Databrain.Client.Benchmarks.Operations;

/// <summary>
/// Time and allocated bytes, each with its ratio to the floor (the baseline) of the same class. The generated project
/// builds this one with everything it references (the SDK, and for the soak the emulator): on a shared 2-core machine
/// that took more than BenchmarkDotNet's default two minutes, so the build may take up to ten.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Value);
        HideColumns(Column.Error, Column.RatioSD, Column.Gen0, Column.Gen1, Column.Gen2);
        WithBuildTimeout(TimeSpan.FromMinutes(10));
    }
}
