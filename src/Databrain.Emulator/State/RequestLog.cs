namespace Databrain.Emulator.State;

/// <summary>The <c>/api</c> requests handled, when recording is on. Thread-safe.</summary>
internal sealed class RequestLog(bool enabled)
{
    private readonly Lock _gate = new();
    private readonly List<EmulatedRequest> _requests = [];

    public bool Enabled { get; } = enabled;

    public void Add(EmulatorOperation operation, string? datasourceName, EmulatedRequestDisposition disposition, int statusCode, string requestId)
    {
        if (!Enabled)
        {
            return;
        }

        lock (_gate)
        {
            _requests.Add(new EmulatedRequest(_requests.Count + 1, operation, datasourceName, disposition, statusCode, requestId));
        }
    }

    public IReadOnlyList<EmulatedRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }
}
