using BenchmarkDotNet.Attributes;
using Databrain.Client.Benchmarks.Canned;

namespace Databrain.Client.Benchmarks.Operations;

/// <summary>Delete by name: <c>DELETE /api/v2/datasource?datasourceName=...</c>, answered 200 <c>{"id", "message"}</c>.</summary>
public class DeleteBenchmarks : OperationBenchmarks
{
    private const string DeletedMessage = "Datasource deleted successfully";

    [Benchmark(Baseline = true)]
    public async Task<string?> Floor() => (await C.Floor.DeleteAsync(CannedResponses.DatasourceName))?.Message;

    [Benchmark]
    public async Task<string?> Sdk() => (await C.Sdk.DeleteDatasourceAsync(CannedResponses.DatasourceName)).Message;

    [Benchmark]
    public async Task<string?> SdkNoResilience() => (await C.SdkNoResilience.DeleteDatasourceAsync(CannedResponses.DatasourceName)).Message;

    [Benchmark]
    public async Task<string?> RefitResilience() => (await C.RefitResilient.DeleteAsync(CannedResponses.DatasourceName)).Message;

    [Benchmark]
    public async Task<string?> Refit() => (await C.RefitPlain.DeleteAsync(CannedResponses.DatasourceName)).Message;

    protected override object Expected(string contestant) => DeletedMessage;
}
