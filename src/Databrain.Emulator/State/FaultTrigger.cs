namespace Databrain.Emulator.State;

/// <summary>The live state of a <see cref="FaultSchedule"/>: a count left, or a seeded generator. Thread-safe.</summary>
internal sealed class FaultTrigger
{
    private readonly Lock _gate = new();
    private readonly Random? _random;
    private readonly double _probability;
    private int _remaining;

    public FaultTrigger(FaultSchedule schedule)
    {
        Schedule = schedule;
        if (schedule.Count is { } count)
        {
            _remaining = count;
        }
        else
        {
            _probability = schedule.Probability!.Value;
#pragma warning disable CA5394 // Fault injection, not security: a seeded, reproducible generator on purpose.
            _random = new Random(schedule.Seed!.Value);
#pragma warning restore CA5394
        }
    }

    public FaultSchedule Schedule { get; }

    /// <summary>Whether this request is hit: takes one from the count, or one draw from the generator.</summary>
    public bool Fire()
    {
        lock (_gate)
        {
            if (_random is not null)
            {
#pragma warning disable CA5394 // See the constructor.
                return _random.NextDouble() < _probability;
#pragma warning restore CA5394
            }

            if (_remaining <= 0)
            {
                return false;
            }

            _remaining--;
            return true;
        }
    }
}
