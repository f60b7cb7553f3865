using BenchmarkDotNet.Attributes;
using Databrain.Client.Benchmarks.Canned;
using Databrain.Client.Models;

namespace Databrain.Client.Benchmarks.Operations;

/// <summary>Update a Postgres datasource: <c>PUT /api/v2/datasource</c>, answered 200 <c>{"name"}</c>.</summary>
public class UpdateBenchmarks : OperationBenchmarks
{
    [Benchmark(Baseline = true)]
    public Task<string?> Floor() => C.Floor.UpdateAsync(Contestants.WireRequest);

    [Benchmark]
    public Task<UpdateDatasourceResult> Sdk() => C.Sdk.UpdateDatasourceAsync(Contestants.SdkCredentials);

    [Benchmark]
    public Task<UpdateDatasourceResult> SdkNoResilience() => C.SdkNoResilience.UpdateDatasourceAsync(Contestants.SdkCredentials);

    [Benchmark]
    public async Task<string?> RefitResilience() => (await C.RefitResilient.UpdateAsync(Contestants.WireRequest)).Name;

    [Benchmark]
    public async Task<string?> Refit() => (await C.RefitPlain.UpdateAsync(Contestants.WireRequest)).Name;

    protected override object Expected(string contestant) => CannedResponses.DatasourceName;
}
