namespace Databrain.Emulator.State;

/// <summary>
/// The per-operation knobs: failure rules (at most one per operation and status, checked in the order they were
/// set) and connection drops (at most one per operation and timing).
/// </summary>
internal sealed class OperationFaults
{
    private static readonly int Operations = Enum.GetValues<EmulatorOperation>().Length;
    private static readonly int Timings = Enum.GetValues<ConnectionDropTiming>().Length;

    private readonly Lock _gate = new();
    private readonly List<OperationFailure> _failures = [];
    private readonly FaultTrigger?[] _drops = new FaultTrigger?[Operations * Timings];

    /// <summary>Sets the failure rule of this operation and status, replacing the one it had.</summary>
    public void SetFailure(EmulatorOperation operation, InjectedFault fault, FaultSchedule schedule)
    {
        var rule = new OperationFailure(operation, fault, new FaultTrigger(schedule));
        lock (_gate)
        {
            var index = _failures.FindIndex(existing => existing.Operation == operation && existing.Fault.StatusCode == fault.StatusCode);
            if (index >= 0)
            {
                _failures[index] = rule;
            }
            else
            {
                _failures.Add(rule);
            }
        }
    }

    public void ClearFailures()
    {
        lock (_gate)
        {
            _failures.Clear();
        }
    }

    /// <summary>The first failure rule of this operation that fires; each rule reached draws once.</summary>
    public InjectedFault? TakeFailure(EmulatorOperation operation)
    {
        OperationFailure[] rules;
        lock (_gate)
        {
            rules = [.. _failures.Where(rule => rule.Operation == operation)];
        }

        foreach (var rule in rules)
        {
            if (rule.Trigger.Fire())
            {
                return rule.Fault;
            }
        }

        return null;
    }

    public void SetDrop(EmulatorOperation operation, ConnectionDropTiming timing, FaultSchedule schedule)
    {
        var trigger = new FaultTrigger(schedule);
        lock (_gate)
        {
            _drops[Slot(operation, timing)] = trigger;
        }
    }

    public void ClearDrops()
    {
        lock (_gate)
        {
            Array.Clear(_drops);
        }
    }

    /// <summary>Whether this request's connection is to be dropped at this point.</summary>
    public bool TakeDrop(EmulatorOperation operation, ConnectionDropTiming timing)
    {
        FaultTrigger? trigger;
        lock (_gate)
        {
            trigger = _drops[Slot(operation, timing)];
        }

        return trigger?.Fire() == true;
    }

    private static int Slot(EmulatorOperation operation, ConnectionDropTiming timing) => ((int)operation * Timings) + (int)timing;
}
