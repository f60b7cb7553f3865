namespace Databrain.Client.Pipeline;

/// <summary>
/// Hands out the cancellation source of each call's timer (<see cref="CallTimer"/>), on the client's clock. A source
/// whose call ended before it fired is reset and kept for the next call, so a client making one call after another
/// allocates no source and no timer per call (the timer is the dearest part). The one place sources are made.
/// </summary>
internal sealed class DeadlineSources(TimeProvider timeProvider)
{
    private CancellationTokenSource? _spare;

    /// <summary>A source on the client's clock, not yet armed.</summary>
    public CancellationTokenSource Rent() =>
        Interlocked.Exchange(ref _spare, null) ?? Create(Timeout.InfiniteTimeSpan, timeProvider);

    /// <summary>Takes a source back once its call is over and nothing is registered on it any more.</summary>
    public void Return(CancellationTokenSource? source)
    {
        if (source is null)
        {
            return;
        }

        // A source that fired cannot be reset; a second spare is not kept. (.NET Framework cannot reset one at all.)
#if NETFRAMEWORK
        source.Dispose();
#else
        if (!source.TryReset() || Interlocked.CompareExchange(ref _spare, source, null) is not null)
        {
            source.Dispose();
        }
#endif
    }

    /// <summary>A source that cancels itself after <paramref name="delay"/> on <paramref name="clock"/>.</summary>
    public static CancellationTokenSource Create(TimeSpan delay, TimeProvider clock) =>
#if NETFRAMEWORK
        // Microsoft.Bcl.TimeProvider's form of .NET's constructor (a later CancelAfter runs on the system clock there).
        clock.CreateCancellationTokenSource(delay);
#else
        new(delay, clock);
#endif
}
