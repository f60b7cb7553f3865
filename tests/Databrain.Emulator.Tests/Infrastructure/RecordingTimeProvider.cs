using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Databrain.Emulator.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports each timer created on it, so a test can see a
/// delay start (and its length) without sleeping or reading the wall clock.
/// </summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public FakeTimeProvider Fake { get; } = new();

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer created (waits for it if none is pending).</summary>
    public async Task<TimeSpan> NextTimerAsync() =>
        await _timers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    public bool HasPendingTimer => _timers.Reader.TryPeek(out _);

    public void Advance(TimeSpan delta) => Fake.Advance(delta);
}
