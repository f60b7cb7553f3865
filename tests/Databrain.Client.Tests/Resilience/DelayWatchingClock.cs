using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Databrain.Client.Tests.Resilience;

/// <summary>
/// A fake clock that lets a test await the moment a timer of a given length is started on it (a retry delay,
/// say), so it advances time only once the wait it means to end has begun: no sleeping, no race.
/// </summary>
public sealed class DelayWatchingClock : FakeTimeProvider
{
    private readonly ConcurrentDictionary<TimeSpan, TaskCompletionSource> _started = new();

    public Task Started(TimeSpan dueTime) => Signal(dueTime).Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Signal(dueTime).TrySetResult();
        return timer;
    }

    private TaskCompletionSource Signal(TimeSpan dueTime) =>
        _started.GetOrAdd(dueTime, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
