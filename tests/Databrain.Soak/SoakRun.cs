using System.Diagnostics;
using System.Net;
using System.Reflection;
using Databrain.Client;
using Databrain.Emulator;

namespace Databrain.Soak;

/// <summary>
/// The chaos soak: starts the emulator in-process on 127.0.0.1 with seeded faults on every operation (503, 429 with
/// <c>Retry-After: 0</c>, connections dropped before and after processing, latency jitter), lets
/// <see cref="SoakOptions.Workers"/> workers share one <see cref="DatabrainClient"/> for
/// <see cref="SoakOptions.Cycles"/> create → list → sync → update → delete cycles, and checks the invariants
/// (<see cref="SoakReport"/>). Nothing but loopback is contacted.
/// </summary>
public static class SoakRun
{
    /// <summary>How long after the limit the run waits for the workers to notice it before calling it a hang.</summary>
    private static readonly TimeSpan HangGrace = TimeSpan.FromSeconds(30);

    /// <summary>Runs the soak.</summary>
    /// <param name="options">Workers, cycles, seed, limit and fault rates.</param>
    /// <param name="cancellationToken">Stops the run early (it then fails: not every cycle ran).</param>
    /// <returns>The figures and the invariants.</returns>
    public static async Task<SoakReport> RunAsync(SoakOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var emulator = await DatabrainEmulator.StartAsync(new DatabrainEmulatorOptions
        {
            AcceptAllConnections = true,
            RecordRequests = true,
            LatencyJitter = options.Jitter,
        }, cancellationToken).ConfigureAwait(false);
        if (!IPAddress.IsLoopback(IPAddress.Parse(emulator.BaseAddress.Host)))
        {
            throw new InvalidOperationException("The soak's emulator must listen on loopback only.");
        }

        InjectFaults(emulator, options);
        var client = new DatabrainClient(new DatabrainClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            ServiceToken = emulator.ServiceToken,
            Timeout = TimeSpan.FromSeconds(60),
            Resilience =
            {
                // Generous enough that no attempt times out (a timed-out request may still be processed later,
                // which would blur "the state when the exception was caught"); short real retry delays.
                AttemptTimeout = TimeSpan.FromSeconds(20),
                Retry = { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(100) },
            },
        });

        var tally = new SoakTally();
        var cycles = new SoakCycles(client, emulator, options, tally);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(options.Limit);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Workers).Select(worker => Task.Run(() => cycles.RunWorkerAsync(worker, stop.Token), CancellationToken.None)).ToArray();

        var ended = true;
        try
        {
            await Task.WhenAll(workers).WaitAsync(options.Limit + HangGrace, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            ended = false;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped by the limit (or the caller): the workers did end; the cycle count says the run failed.
        }
#pragma warning disable CA1031 // A crashed worker is reported, not rethrown: the report says what happened.
        catch (Exception)
#pragma warning restore CA1031
        {
            foreach (var crashed in workers.Where(worker => worker.IsFaulted))
            {
                tally.ForeignException(DatabrainOperation.List, crashed.Exception!.GetBaseException());
            }
        }

        var elapsed = clock.Elapsed;
        var socketsAtEnd = SocketCount.ToPort(emulator.BaseAddress.Port);
        return new SoakReport(
            options,
            SdkVersion(),
            elapsed,
            ended,
            stop.IsCancellationRequested,
            cycles.Completed,
            emulator.Requests,
            tally,
            cycles.Midway,
            socketsAtEnd,
            [.. emulator.Datasources.Select(datasource => datasource.Name)]);
    }

    /// <summary>Every operation gets the same rates, each knob its own seed derived from the run's.</summary>
    private static void InjectFaults(DatabrainEmulator emulator, SoakOptions options)
    {
        foreach (var operation in Enum.GetValues<EmulatorOperation>())
        {
            var seed = unchecked((options.Seed * 100) + ((int)operation * 10));
            emulator.FailRequests(operation, FaultSchedule.WithProbability(options.ServiceUnavailableRate, seed + 1), 503, "SERVICE_UNAVAILABLE",
                "Injected by the soak.");
            emulator.FailRequests(operation, FaultSchedule.WithProbability(options.RateLimitedRate, seed + 2), 429, "TOO_MANY_REQUESTS",
                "Injected by the soak.", TimeSpan.Zero);
            emulator.DropConnections(operation, ConnectionDropTiming.BeforeProcessing, FaultSchedule.WithProbability(options.DropBeforeRate, seed + 3));
            emulator.DropConnections(operation, ConnectionDropTiming.AfterProcessing, FaultSchedule.WithProbability(options.DropAfterRate, seed + 4));
        }
    }

    private static string SdkVersion()
    {
        var assembly = typeof(DatabrainClient).Assembly;
        return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
    }
}
