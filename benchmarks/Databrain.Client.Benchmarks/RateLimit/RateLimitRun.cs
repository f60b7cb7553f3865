using System.Diagnostics;
using System.Globalization;
using System.Net;
using Databrain.Client.DesiredState;
using Databrain.Client.Models;
using Databrain.Emulator;

namespace Databrain.Client.Benchmarks.RateLimit;

/// <summary>
/// The client-side rate limit against a server's: the emulator on loopback limited to N requests per window (a fixed
/// window, as a self-hosted DataBrain's), a client given the same N and window, and a set of M × N new datasources
/// planned and applied through it (<see cref="DatabrainClient.ApplyDatasourcesAsync"/>, C steps at a time): the plan's
/// list request and the M × N creates. Passes when the emulator refused none (read from its own request log, so a 429 that a retry recovered
/// from still counts) and the run took at most 1.1 × the least time the limit allows for the requests the emulator
/// saw: (ceil(R / N) − 1) windows. Only 127.0.0.1 is ever targeted; the run is bounded by the calls' timeout.
/// </summary>
internal static class RateLimitRun
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = RateLimitRunOptions.Parse(args);
        await using var emulator = await DatabrainEmulator.StartAsync(new DatabrainEmulatorOptions
        {
            AcceptAllConnections = true,
            RecordRequests = true,
            RateLimitPermitLimit = options.Permits,
            RateLimitWindow = options.Window,
        }).ConfigureAwait(false);
        if (!IPAddress.IsLoopback(IPAddress.Parse(emulator.BaseAddress.Host)))
        {
            throw new InvalidOperationException("The rate-limit run's emulator must listen on loopback only.");
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"ratelimit: emulator and client both limited to {options.Permits} requests per {options.Window.TotalSeconds:0.###} s; " +
            $"applying {options.Creates} new datasources, {options.Concurrency} at a time, to {emulator.BaseAddress}"));

        await WarmUpAsync(emulator).ConfigureAwait(false);

        var client = new DatabrainClient(new DatabrainClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            ServiceToken = emulator.ServiceToken,

            // A queued call may wait up to a window for its permit: the call's time must cover that.
            Timeout = (options.Window * 2) + TimeSpan.FromSeconds(30),
            RateLimit = { Enabled = true, PermitLimit = options.Permits, Window = options.Window },
        });

        var desired = Enumerable.Range(0, options.Creates).Select(i => new DatasourceDefinition { Credentials = Credentials(i) }).ToList();
        var clock = Stopwatch.StartNew();
        var plan = await client.PlanDatasourcesAsync(desired).ConfigureAwait(false);
        var applied = await client.ApplyDatasourcesAsync(plan, new DatasourceApplyOptions { MaxConcurrency = options.Concurrency }).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        var firstFailure = applied.Outcomes.FirstOrDefault(o => o.Status != DatasourceStepStatus.Succeeded) is { } failed
            ? $"{failed.Step}: {failed.Status} {failed.Exception?.GetType().Name}: {failed.Exception?.Message}"
            : null;
        return Report(options, emulator.Requests, applied.Outcomes.Count - applied.Succeeded, firstFailure, elapsed);
    }

    /// <summary>
    /// JIT and connections warmed by an unlimited client, then the emulator reset: no datasource, an empty log and a
    /// fresh window, so the measured run starts with the whole limit.
    /// </summary>
    private static async Task WarmUpAsync(DatabrainEmulator emulator)
    {
        var warmUp = new DatabrainClient(new DatabrainClientOptions { BaseAddress = emulator.BaseAddress, ServiceToken = emulator.ServiceToken });
        for (var i = 0; i < 3; i++)
        {
            await warmUp.CreateDatasourceAsync(Credentials(-1 - i)).ConfigureAwait(false);
        }

        emulator.Reset();
    }

    private static int Report(RateLimitRunOptions options, IReadOnlyList<EmulatedRequest> seen, int failures, string? firstFailure, TimeSpan elapsed)
    {
        var requests = seen.Count;
        var refused = seen.Count(r => r.Disposition == EmulatedRequestDisposition.RateLimited);
        var created = seen.Count(r => r.Operation == EmulatorOperation.Create && r.IsProcessed && r.StatusCode == 200);
        var windows = Math.Max(0, ((requests + options.Permits - 1) / options.Permits) - 1);
        var least = options.Window * windows;
        var ratio = least > TimeSpan.Zero ? elapsed / least : 0;

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  requests the emulator saw: {requests} ({created} creates answered 200, {refused} refused with 429); steps that did not succeed: {failures}"));
        if (firstFailure is not null)
        {
            Console.WriteLine($"  first failure: {firstFailure}");
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  elapsed {elapsed.TotalSeconds:0.000} s; the least the limit allows for {requests} requests: {windows} windows = " +
            $"{least.TotalSeconds:0.000} s; ratio {(least > TimeSpan.Zero ? ratio.ToString("0.000", CultureInfo.InvariantCulture) : "n/a")}"));

        var met = refused == 0 && failures == 0 && created == options.Creates && ratio <= RateLimitRunOptions.MaxRatio;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"goal: zero 429 answers and elapsed <= {RateLimitRunOptions.MaxRatio:0.0}x the least time: {(met ? "met" : "NOT met")} " +
            $"({refused} refused, ratio {ratio:0.000})"));
        return met ? 0 : 1;
    }

    // Distinct names; valid PostgreSQL credentials that the emulator accepts without trying them (AcceptAllConnections).
    private static PostgresCredentials Credentials(int index) => new()
    {
        Name = index >= 0 ? $"ratelimit-{index:D5}" : $"warm-up-{-index}",
        Host = "db.example.com",
        Port = 5432,
        Username = "dbuser",
        Password = "securepassword",
        Database = "analytics",
        Schema = "public",
    };
}
