using System.Diagnostics;
using Databrain.Client.Tests.Client;

namespace Databrain.Client.Tests.Resilience;

/// <summary>
/// Runs each cell of the fault matrix once and keeps its result, so the per-cell theory and the assertion over
/// the whole matrix share one run, whichever comes first. Cells run one at a time (one test class) against one
/// API server that is reset between them; retries wait zero (their delays are recorded).
/// </summary>
public sealed class FaultMatrix : IDisposable
{
    /// <summary>The per-attempt timeout of every cell but the slow-answer one: far above any loopback answer.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Wall-clock allowance on top of the timeouts a cell is expected to sit out (a busy 2-core CI machine).</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(10);

    private const string EmptyList = """{"data":[]}""";

    private readonly ApiServer _api = new();
    private readonly Dictionary<(string, DatabrainOperation), CellResult> _results = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public static IEnumerable<(Fault Fault, DatabrainOperation Operation)> Cells =>
        from fault in Faults.All
        from operation in Enum.GetValues<DatabrainOperation>()
        select (fault, operation);

    public async Task<CellResult> RunAsync(Fault fault, DatabrainOperation operation)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_results.TryGetValue((fault.Name, operation), out var result))
            {
                result = await RunOnceAsync(fault, operation);
                _results[(fault.Name, operation)] = result;
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _api.Dispose();
        _gate.Dispose();
    }

    private async Task<CellResult> RunOnceAsync(Fault fault, DatabrainOperation operation)
    {
        _api.Reset();
        var method = Operations.Method(operation);
        var path = Operations.Path(operation);
        using var raw = fault.Raw is { } answer
            ? new RawHttpServer(request => request.Is(method, path) ? answer : RawAnswer.Full(200, EmptyList))
            : null;
        Uri baseAddress;
        if (raw is not null)
        {
            baseAddress = raw.BaseAddress;
        }
        else if (fault.NothingListening)
        {
            baseAddress = Ports.ClosedAddress();
        }
        else
        {
            baseAddress = _api.BaseAddress;
            fault.Stub!(_api, method, path);
            if (operation != DatabrainOperation.List)
            {
                _api.Given("GET", ApiServer.DatasourcePath, 200, EmptyList);
            }
        }

        var client = _api.CreateClient(o =>
        {
            o.BaseAddress = baseAddress;
            o.Timeout = TotalTimeout;
            o.Resilience.AttemptTimeout = fault.AttemptTimeout;
        });

        string? described = null;
        Exception? exception = null;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            described = await Operations.InvokeDescribedAsync(client, operation);
        }
        catch (Exception e)
        {
            exception = e;
        }

        stopwatch.Stop();
        var received = raw?.Received ?? _api.Received;
        return new CellResult(
            fault,
            operation,
            described,
            exception,
            stopwatch.Elapsed,
            received.Where(r => r.Is(method, path)).ToList(),
            received.Where(r => !r.Is(method, path)).ToList(),
            _api.RetryDelays);
    }
}
