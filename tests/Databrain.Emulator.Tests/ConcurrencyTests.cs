using Databrain.Emulator.Tests.Infrastructure;

namespace Databrain.Emulator.Tests;

/// <summary>The in-memory state under concurrent requests.</summary>
public sealed class ConcurrencyTests : EmulatorTestBase
{
    private const int Callers = 16;

    /// <summary>Holds every caller inside the probe until all have arrived, so that all race to store the same name.</summary>
    private sealed class BarrierProbe(int participants) : IConnectionProbe
    {
        private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public int Arrived => Volatile.Read(ref _arrived);

        public async ValueTask<ConnectionProbeResult> ProbeAsync(ConnectionProbeContext context, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _arrived) == participants)
            {
                _allArrived.TrySetResult();
            }

            await _allArrived.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return ConnectionProbeResult.Success();
        }
    }

    [Fact]
    public async Task ConcurrentCreatesOfOneNameHaveExactlyOneWinner()
    {
        var barrier = new BarrierProbe(Callers);
        Emulator.SetConnectionProbe("mysql", barrier);
        var sample = DatasourceSamples.Get("mysql");

        var responses = await Task.WhenAll(Enumerable.Range(0, Callers).Select(i =>
            Client.CreateAsync(sample.Body("contended", c => c["host"] = $"host-{i}.example.com"))));

        barrier.Arrived.Should().Be(Callers, "every caller passed validation and the name check before any stored");
        responses.Count(r => (int)r.StatusCode == 200).Should().Be(1);
        foreach (var loser in responses.Where(r => (int)r.StatusCode != 200))
        {
            await loser.ShouldFailAsync(400, "DATASOURCE_NAME_ERROR");
        }

        Emulator.Datasources.Should().ContainSingle().Which.Name.Should().Be("contended");
    }

    [Fact]
    public async Task ConcurrentCreatesWithAFastProbeHaveExactlyOneWinner()
    {
        var sample = DatasourceSamples.Get("clickhouse");
        var responses = await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Client.CreateAsync(sample.Body("fast"))));
        responses.Count(r => (int)r.StatusCode == 200).Should().Be(1);
        foreach (var loser in responses.Where(r => (int)r.StatusCode != 200))
        {
            await loser.ShouldFailAsync(400, "DATASOURCE_NAME_ERROR");
        }
    }

    [Fact]
    public async Task ConcurrentMixedOperationsKeepAConsistentState()
    {
        var sample = DatasourceSamples.Get("mysql");
        var names = Enumerable.Range(0, 40).Select(i => $"ds-{i:00}").ToList();
        (await Task.WhenAll(names.Select(name => Client.CreateAsync(sample.Body(name)))))
            .Should().OnlyContain(r => (int)r.StatusCode == 200);
        var creationOrder = Emulator.Datasources.Select(d => d.Name).ToList();

        var work = new List<Task<HttpResponseMessage>>();
        foreach (var name in names)
        {
            work.Add(name.EndsWith('0') || name.EndsWith('5') ? Client.DeleteDatasourceAsync(name) : Client.UpdateAsync(sample.Body(name, c => c["host"] = "updated")));
            work.Add(Client.GetAsync(Api.DatasourcePath + "?isPagination=true&pageNumber=2"));
        }

        (await Task.WhenAll(work)).Should().OnlyContain(r => (int)r.StatusCode == 200);
        var remaining = Emulator.Datasources;
        remaining.Should().HaveCount(32);
        remaining.Should().OnlyContain(d => d.Credentials.GetProperty("host").GetString() == "updated");
        remaining.Select(d => d.Name).Should().Equal(creationOrder.Where(name => !(name.EndsWith('0') || name.EndsWith('5'))), "creation order is kept");
    }
}
