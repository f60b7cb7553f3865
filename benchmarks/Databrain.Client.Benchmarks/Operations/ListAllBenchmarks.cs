using BenchmarkDotNet.Attributes;
using Databrain.Client.Benchmarks.Canned;
using Databrain.Client.Benchmarks.Peers;

namespace Databrain.Client.Benchmarks.Operations;

/// <summary>Auto-paging through 1,000 datasources: 100 full pages, then the empty page that ends it (101 requests).</summary>
public class ListAllBenchmarks : OperationBenchmarks
{
    [Benchmark(Baseline = true)]
    public Task<int> Floor() => C.Floor.CountAllAsync();

    [Benchmark]
    public Task<int> Sdk() => CountAsync(C.Sdk);

    [Benchmark]
    public Task<int> SdkNoResilience() => CountAsync(C.SdkNoResilience);

    [Benchmark]
    public Task<int> RefitResilience() => PeerCalls.CountAllAsync(C.RefitResilient);

    [Benchmark]
    public Task<int> Refit() => PeerCalls.CountAllAsync(C.RefitPlain);

    private static async Task<int> CountAsync(DatabrainClient client)
    {
        var count = 0;
        await foreach (var datasource in client.ListDatasourcesAsync())
        {
            count += datasource.Name.Length > 0 ? 1 : 0;
        }

        return count;
    }

    protected override object Expected(string contestant) => CannedResponses.ListedDatasources;
}
