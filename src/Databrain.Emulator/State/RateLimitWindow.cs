namespace Databrain.Emulator.State;

/// <summary>
/// A fixed-window rate limit: at most <c>permitLimit</c> requests per window, counted from the
/// first request of the window; refused requests are not counted.
/// </summary>
internal sealed class RateLimitWindow(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private int? _permitLimit;
    private TimeSpan _window;
    private DateTimeOffset _windowStart;
    private int _count;

    public void Configure(int permitLimit, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        lock (_gate)
        {
            _permitLimit = permitLimit;
            _window = window;
            _windowStart = timeProvider.GetUtcNow();
            _count = 0;
        }
    }

    public void Disable()
    {
        lock (_gate)
        {
            _permitLimit = null;
            _count = 0;
        }
    }

    /// <summary>Counts a request; false, with the time left in the window, when the limit is reached.</summary>
    public bool TryAcquire(out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        lock (_gate)
        {
            if (_permitLimit is not { } limit)
            {
                return true;
            }

            var now = timeProvider.GetUtcNow();
            if (now >= _windowStart + _window)
            {
                _windowStart = now;
                _count = 0;
            }

            if (_count < limit)
            {
                _count++;
                return true;
            }

            retryAfter = _windowStart + _window - now;
            return false;
        }
    }
}
