namespace Databrain.Client.Pipeline;

/// <summary>
/// The time of one call: the call's deadline (<see cref="DatabrainClientOptions.Timeout"/>) and each attempt's
/// timeout (<see cref="DatabrainResilienceOptions.AttemptTimeout"/>) share one timer, a cancellation source on the
/// client's clock armed at the start of every attempt for whichever ends first. The caller's token is registered on
/// it, so one token cancels an attempt for all three reasons, and <see cref="Classify"/> tells them apart. The wait for a
/// rate-limit permit before an attempt runs on the same timer, armed for the deadline alone (<see cref="StartWait"/>).
/// </summary>
internal sealed class CallTimer : IDisposable
{
    private readonly DeadlineSources _sources;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationToken _callerToken;
    private readonly long _started;
    private CancellationTokenSource? _source;
    private CancellationTokenRegistration _callerRegistration;
    private bool _armedForDeadline;

    // Whether the timer is armed for an attempt (which may reach the server) rather than for a wait before one.
    private bool _inFlight;

    // Set once the deadline is known to have passed: the timer's clock and the elapsed-time clock may differ by a
    // fraction of a millisecond, and nothing may run on the strength of such a sliver.
    private bool _deadlinePassed;

    public CallTimer(DeadlineSources sources, TimeSpan timeout, TimeSpan attemptTimeout, TimeProvider timeProvider, CancellationToken callerToken)
    {
        _sources = sources;
        _timeout = timeout;
        _attemptTimeout = attemptTimeout;
        _timeProvider = timeProvider;
        _callerToken = callerToken;
        _started = timeProvider.GetTimestamp();
    }

    /// <summary>The call's timeout: the client's, or the call's own override.</summary>
    public TimeSpan Timeout => _timeout;

    /// <summary>What is left of the call's time; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> without a deadline.</summary>
    public TimeSpan Remaining =>
        _timeout == System.Threading.Timeout.InfiniteTimeSpan ? _timeout
        : _deadlinePassed ? TimeSpan.Zero
        : _timeout - _timeProvider.GetElapsedTime(_started);

    /// <summary>Arms the timer for an attempt and returns the attempt's token.</summary>
    /// <exception cref="CallDeadlineException">The call's time ran out between attempts: nothing is in flight.</exception>
    public CancellationToken StartAttempt() => Arm(attempt: true);

    /// <summary>
    /// Arms the timer for the call's deadline alone and returns its token, for a wait before an attempt (for a
    /// rate-limit permit) during which nothing is sent: the attempt timeout starts only with the attempt.
    /// </summary>
    /// <exception cref="CallDeadlineException">The call's time ran out: nothing is in flight.</exception>
    public CancellationToken StartWait() => Arm(attempt: false);

    private CancellationToken Arm(bool attempt)
    {
        var remaining = Remaining;
        if (remaining != System.Threading.Timeout.InfiniteTimeSpan && remaining <= TimeSpan.Zero)
        {
            _deadlinePassed = true;
            throw new CallDeadlineException(inFlight: false);
        }

        _inFlight = attempt;
        _armedForDeadline = !attempt || _attemptTimeout == System.Threading.Timeout.InfiniteTimeSpan
            || (remaining != System.Threading.Timeout.InfiniteTimeSpan && remaining <= _attemptTimeout);
        var due = _armedForDeadline ? remaining : _attemptTimeout;
        if (due == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return _callerToken;
        }

        if (_source is null || _source.IsCancellationRequested)
        {
            // The first attempt, or the one after an attempt timeout (a source that fired cannot be re-armed).
            Release();
            _source = _sources.Rent();
            _callerRegistration = _callerToken.CanBeCanceled
                ? _callerToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), _source)
                : default;
        }

        _source.CancelAfter(due);
        return _source.Token;
    }

    /// <summary>
    /// The failure an attempt (or the wait before it) ended with, as the retry rules must see it: when the timer fired
    /// (and not the caller), the call's deadline or the attempt timeout, whatever was thrown; otherwise <paramref name="failure"/>.
    /// </summary>
    public Exception Classify(Exception failure)
    {
        if (_source?.IsCancellationRequested != true || _callerToken.IsCancellationRequested)
        {
            return failure;
        }

        _deadlinePassed |= _armedForDeadline;
        return _armedForDeadline ? new CallDeadlineException(_inFlight) : new AttemptTimeoutException(_attemptTimeout);
    }

    public void Dispose() => Release();

    private void Release()
    {
        _callerRegistration.Dispose();
        _callerRegistration = default;
        _sources.Return(_source);
        _source = null;
    }
}
