using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Databrain.Client.Benchmarks.Floor;
using Databrain.Soak;
using Microsoft.Extensions.DependencyInjection;

namespace Databrain.Client.Benchmarks.Load;

/// <summary>
/// The bounded loopback load run: 64 callers share one client and send a fixed number of requests (each
/// round also stops at a time limit) to a local Kestrel stub, the SDK and raw HttpClient alternating in
/// the same run. Only 127.0.0.1 is ever targeted. Exits non-zero on any error or socket growth.
/// </summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = LoadOptions.Parse(args);
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await using var server = await LoadServer.StartAsync(listeners: 3).ConfigureAwait(false);

        // Raw: the hand-written floor over its own pool. SDK: as AddDatabrainClient gives it (its own pool),
        // with its default resilience pipeline and with it switched off.
        using var raw = new FloorClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }, server.Addresses[0], token);
        await using var sdk = SdkServices(server.Addresses[1], token, resilience: true);
        await using var sdkNoResilience = SdkServices(server.Addresses[2], token, resilience: false);

        var contestants = new[]
        {
            new LoadContestant("raw HttpClient", server.Addresses[0], Call(options.Operation, raw)),
            new LoadContestant("SDK (default)", server.Addresses[1], Call(options.Operation, sdk.GetRequiredService<DatabrainClient>())),
            new LoadContestant("SDK (no resilience)", server.Addresses[2], Call(options.Operation, sdkNoResilience.GetRequiredService<DatabrainClient>())),
        };

        Console.WriteLine(
            $"load: {options.Operation}, {options.Concurrency} callers, {options.Requests:N0} requests per round, " +
            $"{options.Rounds} rounds each, {options.RoundLimit.TotalSeconds:N0} s limit per round, server {string.Join(", ", server.Addresses)}");

        // Warm-up, not counted: a full round each, twice over, so tiered JIT and PGO have settled and both
        // pools are filled before anything is measured.
        for (var warmup = 0; warmup < 2; warmup++)
        {
            foreach (var contestant in contestants)
            {
                await RoundAsync(contestant, options.Requests, options).ConfigureAwait(false);
            }
        }

        var socketsBefore = contestants.ToDictionary(c => c.Name, c => SocketCount.ToPort(c.Address.Port));
        var rounds = new List<RoundResult>();
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var contestant in round % 2 == 0 ? contestants : contestants.AsEnumerable().Reverse())
            {
                var result = await RoundAsync(contestant, options.Requests, options).ConfigureAwait(false);
                rounds.Add(result);
                Console.WriteLine(
                    $"  round {round + 1} {result.Contestant,-20} {result.Completed,8:N0} ok {result.Errors,4} errors " +
                    $"{result.Elapsed.TotalSeconds,7:N2} s {result.Throughput,10:N0} req/s");
            }
        }

        var socketsAfter = contestants.ToDictionary(c => c.Name, c => SocketCount.ToPort(c.Address.Port));
        return Report(options, contestants, rounds, socketsBefore, socketsAfter);
    }

    private static ServiceProvider SdkServices(Uri address, string token, bool resilience)
    {
        var services = new ServiceCollection();
        services.AddDatabrainClient(o =>
        {
            o.BaseAddress = address;
            o.ServiceToken = token;
            o.Resilience.Enabled = resilience;
        });
        return services.BuildServiceProvider();
    }

    private static Func<Task> Call(string operation, FloorClient raw) => operation == "list"
        ? () => raw.ListPageAsync(1)
        : () => raw.CreateAsync(Contestants.WireRequest);

    private static Func<Task> Call(string operation, DatabrainClient sdk) => operation == "list"
        ? () => sdk.GetDatasourcePageAsync(1)
        : () => sdk.CreateDatasourceAsync(Contestants.SdkCredentials);

    private static async Task<RoundResult> RoundAsync(LoadContestant contestant, int requests, LoadOptions options)
    {
        var issued = 0;
        var completed = 0;
        var errors = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();

        async Task CallerAsync()
        {
            while (clock.Elapsed < options.RoundLimit && Interlocked.Increment(ref issued) <= requests)
            {
                try
                {
                    await contestant.Call().ConfigureAwait(false);
                    Interlocked.Increment(ref completed);
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, $"{e.GetType().Name}: {e.Message}", null);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(CallerAsync))).ConfigureAwait(false);
        return new RoundResult(contestant.Name, completed, errors, clock.Elapsed, firstError);
    }

    private static int Report(
        LoadOptions options,
        IReadOnlyList<LoadContestant> contestants,
        IReadOnlyList<RoundResult> rounds,
        Dictionary<string, SocketCount> before,
        Dictionary<string, SocketCount> after)
    {
        double Median(string name)
        {
            var values = rounds.Where(r => r.Contestant == name).Select(r => r.Throughput).Order().ToArray();
            return values[values.Length / 2];
        }

        var rawThroughput = Median(contestants[0].Name);
        var failed = false;
        Console.WriteLine();
        Console.WriteLine("| client | requests | errors | median throughput (req/s) | ratio to raw | sockets after warm-up | sockets at the end |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var contestant in contestants)
        {
            var mine = rounds.Where(r => r.Contestant == contestant.Name).ToList();
            var errors = mine.Sum(r => r.Errors);
            var throughput = Median(contestant.Name);
            var grew = after[contestant.Name].Established > before[contestant.Name].Established;
            var incomplete = mine.Any(r => r.Completed + r.Errors < options.Requests);
            failed |= errors > 0 || grew || incomplete;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {contestant.Name} | {mine.Sum(r => r.Completed):N0} | {errors} | {throughput:N0} | {throughput / rawThroughput:N2} | " +
                $"{before[contestant.Name]} | {after[contestant.Name]} |"));
            foreach (var error in mine.Select(r => r.FirstError).OfType<string>().Distinct())
            {
                Console.WriteLine($"  first error: {error}");
            }

            if (incomplete)
            {
                Console.WriteLine($"  {contestant.Name}: a round hit its {options.RoundLimit.TotalSeconds:N0} s limit before {options.Requests:N0} requests");
            }
        }

        var sdkRatio = Median(contestants[1].Name) / rawThroughput;
        Console.WriteLine();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"goal: SDK >= 0.9x raw throughput: {(sdkRatio >= 0.9 ? "met" : "NOT met")} ({sdkRatio:N2}x); errors and socket growth: {(failed ? "FOUND" : "none")}"));
        return failed ? 1 : 0;
    }
}
