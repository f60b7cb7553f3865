using Microsoft.Extensions.Time.Testing;

namespace Databrain.Client.Tests.Resilience;

/// <summary>
/// A fake clock that lets a test await the moment a timer of a given length is started on it (a retry delay,
/// say), so it advances time only once the wait it means to end has begun: no sleeping, no race. It also counts the
/// timers of each length (a rate-limit permit's window, say).
/// </summary>
public sealed class DelayWatchingClock : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TimeSpan, int> _started = [];
    private readonly List<(TimeSpan DueTime, int Count, TaskCompletionSource Signal)> _waiters = [];

    /// <summary>Completes once <paramref name="count"/> timers of <paramref name="dueTime"/> have been started.</summary>
    public Task Started(TimeSpan dueTime, int count = 1)
    {
        lock (_gate)
        {
            if (StartedCount(dueTime) >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((dueTime, count, signal));
            return signal.Task;
        }
    }

    /// <summary>How many timers of <paramref name="dueTime"/> have been started.</summary>
    public int StartedCount(TimeSpan dueTime)
    {
        lock (_gate)
        {
            return _started.GetValueOrDefault(dueTime);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            var started = _started[dueTime] = _started.GetValueOrDefault(dueTime) + 1;
            foreach (var waiter in _waiters.Where(w => w.DueTime == dueTime && w.Count <= started).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }

        return timer;
    }
}
