using BenchmarkDotNet.Attributes;
using Databrain.Client.Benchmarks.Canned;
using Databrain.Client.Models;
using Databrain.Client.Benchmarks.Peers;

namespace Databrain.Client.Benchmarks.Operations;

/// <summary>Create a Postgres datasource: <c>POST /api/v2/datasource</c>, answered 200 <c>{"name"}</c>.</summary>
public class CreateBenchmarks : OperationBenchmarks
{
    [Benchmark(Baseline = true)]
    public Task<string?> Floor() => C.Floor.CreateAsync(Contestants.WireRequest);

    [Benchmark]
    public Task<CreateDatasourceResult> Sdk() => C.Sdk.CreateDatasourceAsync(Contestants.SdkCredentials);

    [Benchmark]
    public Task<CreateDatasourceResult> SdkNoResilience() => C.SdkNoResilience.CreateDatasourceAsync(Contestants.SdkCredentials);

    [Benchmark]
    public Task<string?> RefitResilience() => PeerCalls.CreateAsync(C.RefitResilient, Contestants.WireRequest);

    [Benchmark]
    public Task<string?> Refit() => PeerCalls.CreateAsync(C.RefitPlain, Contestants.WireRequest);

    protected override object Expected(string contestant) => CannedResponses.DatasourceName;
}
