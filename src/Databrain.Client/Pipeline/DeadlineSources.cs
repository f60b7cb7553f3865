namespace Databrain.Client.Pipeline;

/// <summary>
/// Hands out each call's deadline: a <see cref="CancellationTokenSource"/> that cancels after the client's timeout,
/// on the client's clock. A source whose call ended before it fired is reset and kept for the next call, so a client
/// making one call after another allocates no source and no timer per call (the timer is the dearest part).
/// </summary>
internal sealed class DeadlineSources(TimeSpan timeout, TimeProvider timeProvider)
{
    private CancellationTokenSource? _spare;

    /// <summary>A source that cancels after the timeout, or <see langword="null"/> when the timeout is infinite.</summary>
    public CancellationTokenSource? Rent()
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        var source = Interlocked.Exchange(ref _spare, null);
        if (source is null)
        {
            return new CancellationTokenSource(timeout, timeProvider);
        }

        source.CancelAfter(timeout);
        return source;
    }

    /// <summary>Takes a source back once its call is over and nothing is registered on it any more.</summary>
    public void Return(CancellationTokenSource? source)
    {
        if (source is null)
        {
            return;
        }

        // A source that fired cannot be reset; a second spare is not kept.
        if (!source.TryReset() || Interlocked.CompareExchange(ref _spare, source, null) is not null)
        {
            source.Dispose();
        }
    }
}
