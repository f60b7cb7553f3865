using System.Globalization;
using Databrain.Client;
using Databrain.Client.Models;
using Databrain.Emulator;

namespace Databrain.Soak;

/// <summary>
/// The workers' loop. Each worker takes the next cycle number and runs create → list a page → sync → update → delete
/// on a name of its own, through the one shared client, until the cycles run out or the run is stopped.
/// </summary>
/// <remarks>
/// A worker acts on what the SDK told it. After a create or delete, it reads the emulator's state for its name (no
/// other worker touches that name) to check the SDK's answer: an outcome-unknown answer of true or false must match,
/// a definite one must too. When the SDK said it does not know (null), or said something wrong (counted once), the
/// worker continues from the emulator's state, so one wrong answer does not spill into the other figures.
/// </remarks>
internal sealed class SoakCycles(DatabrainClient client, DatabrainEmulator emulator, SoakOptions options, SoakTally tally)
{
    /// <summary>Deletes tried per cycle before the datasource is counted as left behind.</summary>
    private const int MaxDeletes = 5;

    private int _nextCycle;
    private int _completed;

    public int Completed => Volatile.Read(ref _completed);

    /// <summary>The client's sockets to the emulator when half the cycles were done (sampled by the worker that finished that one).</summary>
    public SocketCount? Midway { get; private set; }

    public string NameOf(int cycle) => string.Create(CultureInfo.InvariantCulture, $"soak-{options.Seed}-{cycle:D6}");

    public async Task RunWorkerAsync(int worker, CancellationToken stop)
    {
#pragma warning disable CA5394 // The workers' choices (which page to list): reproducible, not security.
        var random = new Random(unchecked((options.Seed * 7919) + worker));
        for (var cycle = Interlocked.Increment(ref _nextCycle); cycle <= options.Cycles && !stop.IsCancellationRequested; cycle = Interlocked.Increment(ref _nextCycle))
        {
            await CycleAsync(NameOf(cycle), random.Next(1, (options.Workers / DatasourcePage.PageSize) + 2), stop).ConfigureAwait(false);
            if (Interlocked.Increment(ref _completed) == Math.Max(1, options.Cycles / 2))
            {
                Midway = SocketCount.ToPort(emulator.BaseAddress.Port);
            }
        }
#pragma warning restore CA5394
    }

    private async Task CycleAsync(string name, int pageNumber, CancellationToken stop)
    {
        var created = await CreateAsync(name, stop).ConfigureAwait(false);
        if (!created)
        {
            return;
        }

        await CallAsync(DatabrainOperation.List, () => client.GetDatasourcePageAsync(pageNumber, stop), stop).ConfigureAwait(false);
        if (emulator.FindDatasource(name) is { } datasource)
        {
            await CallAsync(DatabrainOperation.Sync, () => client.SyncDatasourceAsync(datasource.Id.ToString("D"), stop), stop).ConfigureAwait(false);
        }

        await CallAsync(DatabrainOperation.Update, () => client.UpdateDatasourceAsync(Credentials(name, "soak-updated"), cancellationToken: stop), stop).ConfigureAwait(false);

        for (var attempt = 0; attempt < MaxDeletes; attempt++)
        {
            if (!await DeleteAsync(name, stop).ConfigureAwait(false))
            {
                return;
            }
        }

        tally.Left(name);
    }

    /// <summary>Whether the datasource exists after the create, as far as the worker can tell.</summary>
    private async Task<bool> CreateAsync(string name, CancellationToken stop)
    {
        var outcome = await CallAsync(DatabrainOperation.Create, () => client.CreateDatasourceAsync(Credentials(name, "soak-created"), cancellationToken: stop), stop)
            .ConfigureAwait(false);
        return Settle(DatabrainOperation.Create, name, outcome, succeededMeansExists: true);
    }

    /// <summary>Whether the datasource still exists after the delete.</summary>
    private async Task<bool> DeleteAsync(string name, CancellationToken stop)
    {
        var outcome = await CallAsync(DatabrainOperation.Delete, () => client.DeleteDatasourceAsync(name, stop), stop).ConfigureAwait(false);
        return Settle(DatabrainOperation.Delete, name, outcome, succeededMeansExists: false);
    }

    /// <summary>
    /// Checks the SDK's answer about <paramref name="name"/> against the emulator and returns whether it exists now:
    /// what the SDK said when it said something right, the emulator's state otherwise.
    /// </summary>
    private bool Settle(DatabrainOperation operation, string name, Exception? outcome, bool succeededMeansExists)
    {
        var exists = emulator.FindDatasource(name) is not null;
        switch (outcome)
        {
            case DatabrainOutcomeUnknownException unknown:
                tally.Unknown(new UnknownOutcome(operation, name, unknown.DatasourceExists, exists));
                return unknown.DatasourceExists is { } reported && reported == exists ? reported : exists;
            case null:
                if (exists != succeededMeansExists)
                {
                    tally.Contradicted(new Contradiction(operation, name, SoakTally.Success, exists));
                }

                return exists;
            case DatabrainException failed:
                // A definite failure: nothing changed, so a create left nothing and a delete left the datasource.
                if (exists == succeededMeansExists)
                {
                    tally.Contradicted(new Contradiction(operation, name, failed.GetType().Name, exists));
                }

                return exists;
            default:
                // A foreign exception (counted already): no answer to check; continue from the emulator's state.
                return exists;
        }
    }

    /// <summary>
    /// Runs one call and counts its outcome. Returns null on success, else the exception. The run's own stop
    /// ends the worker; any exception that is not a <see cref="DatabrainException"/> (or holds a Polly or Refit type)
    /// is foreign.
    /// </summary>
    private async Task<Exception?> CallAsync<T>(DatabrainOperation operation, Func<Task<T>> call, CancellationToken stop)
    {
        try
        {
            await call().ConfigureAwait(false);
            tally.Count(operation, SoakTally.Success);
            return null;
        }
        catch (DatabrainOutcomeUnknownException unknown) when (!Leaks(unknown))
        {
            // Counted by Settle, with what the SDK reported.
            return unknown;
        }
        catch (DatabrainException failed) when (!Leaks(failed))
        {
            tally.Count(operation, failed.GetType().Name);
            return failed;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The soak counts whatever escapes: that is the invariant.
        catch (Exception foreign)
#pragma warning restore CA1031
        {
            tally.ForeignException(operation, foreign);
            return foreign;
        }
    }

    /// <summary>A Polly or Refit type anywhere in the chain: the SDK promises neither reaches callers.</summary>
    private static bool Leaks(Exception exception)
    {
        for (var current = exception.InnerException; current is not null; current = current.InnerException)
        {
            var space = current.GetType().Namespace ?? string.Empty;
            if (space.StartsWith("Polly", StringComparison.Ordinal) || space.StartsWith("Refit", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static PostgresCredentials Credentials(string name, string password) => new()
    {
        Name = name,
        Host = "db.soak.invalid",
        Port = 5432,
        Username = "soak",
        Password = password,
        Database = "soak",
        Schema = "public",
    };
}
