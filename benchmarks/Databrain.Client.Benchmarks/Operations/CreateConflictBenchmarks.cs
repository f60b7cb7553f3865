using BenchmarkDotNet.Attributes;
using Databrain.Client.Benchmarks.Floor;
using Databrain.Client.Benchmarks.Peers;

namespace Databrain.Client.Benchmarks.Operations;

/// <summary>
/// The error path: create answered 400 <c>DATASOURCE_NAME_ERROR</c>, which each contestant turns into its
/// typed exception (the SDK's <see cref="DatasourceNameConflictException"/>; a <see cref="WireApiException"/>
/// for the hand-written ones). Each method returns the caught exception.
/// </summary>
public class CreateConflictBenchmarks : OperationBenchmarks
{
    protected override bool ConflictOnCreate => true;

    [Benchmark(Baseline = true)]
    public async Task<Exception> Floor()
    {
        try
        {
            await C.Floor.CreateAsync(Contestants.WireRequest);
        }
        catch (WireApiException e) when (e.IsNameConflict)
        {
            return e;
        }

        throw new InvalidOperationException("The create succeeded.");
    }

    [Benchmark]
    public Task<Exception> Sdk() => SdkConflict(C.Sdk);

    [Benchmark]
    public Task<Exception> SdkNoResilience() => SdkConflict(C.SdkNoResilience);

    [Benchmark]
    public Task<Exception> RefitResilience() => PeerConflict(C.RefitResilient);

    [Benchmark]
    public Task<Exception> Refit() => PeerConflict(C.RefitPlain);

    protected override object Expected(string contestant) =>
        contestant.StartsWith(nameof(Sdk), StringComparison.Ordinal) ? typeof(DatasourceNameConflictException) : typeof(WireApiException);

    private static async Task<Exception> SdkConflict(DatabrainClient client)
    {
        try
        {
            await client.CreateDatasourceAsync(Contestants.SdkCredentials);
        }
        catch (DatasourceNameConflictException e)
        {
            return e;
        }

        throw new InvalidOperationException("The create succeeded.");
    }

    private static async Task<Exception> PeerConflict(IPeerDatasourceApi api)
    {
        try
        {
            await PeerCalls.CreateAsync(api, Contestants.WireRequest);
        }
        catch (WireApiException e) when (e.IsNameConflict)
        {
            return e;
        }

        throw new InvalidOperationException("The create succeeded.");
    }
}
