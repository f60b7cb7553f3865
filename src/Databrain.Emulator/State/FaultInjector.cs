namespace Databrain.Emulator.State;

/// <summary>"Fail the next N requests with this answer."</summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private InjectedFault? _fault;
    private int _remaining;

    public int Remaining
    {
        get
        {
            lock (_gate)
            {
                return _remaining;
            }
        }
    }

    public void Set(int count, InjectedFault fault)
    {
        lock (_gate)
        {
            _fault = fault;
            _remaining = count;
        }
    }

    public void Clear() => Set(0, null!);

    /// <summary>Takes one failure, if any is left.</summary>
    public InjectedFault? TryTake()
    {
        lock (_gate)
        {
            if (_remaining <= 0 || _fault is null)
            {
                return null;
            }

            _remaining--;
            return _fault;
        }
    }
}
