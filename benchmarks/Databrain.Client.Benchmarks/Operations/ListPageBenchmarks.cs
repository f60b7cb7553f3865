using BenchmarkDotNet.Attributes;

namespace Databrain.Client.Benchmarks.Operations;

/// <summary>One page of list: <c>GET /api/v2/datasource?isPagination=true&amp;pageNumber=1</c>, answered with 10 names.</summary>
public class ListPageBenchmarks : OperationBenchmarks
{
    [Benchmark(Baseline = true)]
    public async Task<int> Floor() => (await C.Floor.ListPageAsync(1)).Count;

    [Benchmark]
    public async Task<int> Sdk() => (await C.Sdk.GetDatasourcePageAsync(1)).Items.Count;

    [Benchmark]
    public async Task<int> SdkNoResilience() => (await C.SdkNoResilience.GetDatasourcePageAsync(1)).Items.Count;

    [Benchmark]
    public async Task<int> RefitResilience() => (await C.RefitResilient.ListAsync("true", 1)).Data!.Count;

    [Benchmark]
    public async Task<int> Refit() => (await C.RefitPlain.ListAsync("true", 1)).Data!.Count;

    protected override object Expected(string contestant) => 10;
}
