using System.Collections.Concurrent;

namespace Databrain.Testing;

/// <summary>
/// The system clock, except that waits are skipped: a timer that cancels a token source (a deadline or an attempt
/// timeout) runs for real, and any other timer (a retry delay) is recorded and fires at once. So a client on this
/// clock retries instantly while its timeouts keep their real length; tests read the delays it asked for.
/// </summary>
public sealed class RetryRecordingClock : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();

    /// <summary>Every wait asked for (retry delays), in order.</summary>
    public IReadOnlyList<TimeSpan> Waits => _waits.ToArray();

    public void Clear() => _waits.Clear();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (state is CancellationTokenSource || dueTime == Timeout.InfiniteTimeSpan || period != Timeout.InfiniteTimeSpan)
        {
            return System.CreateTimer(callback, state, dueTime, period);
        }

        _waits.Enqueue(dueTime);
        ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
