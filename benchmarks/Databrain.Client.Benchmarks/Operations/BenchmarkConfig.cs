using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;

namespace Databrain.Client.Benchmarks.Operations;

/// <summary>Time and allocated bytes, each with its ratio to the floor (the baseline) of the same class.</summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Value);
        HideColumns(Column.Error, Column.RatioSD, Column.Gen0, Column.Gen1, Column.Gen2);
    }
}
