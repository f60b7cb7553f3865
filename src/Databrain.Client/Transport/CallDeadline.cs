namespace Databrain.Client.Transport;

/// <summary>
/// The token one call runs under: the caller's token, ended early by the client's own deadline (measured
/// on the client's clock, so tests can use a fake one). One source per call at most, with the caller's token
/// registered on it, instead of a deadline source plus a linked source.
/// </summary>
internal readonly struct CallDeadline : IDisposable
{
    private readonly CancellationTokenSource? _source;
    private readonly CancellationToken _callerToken;
    private readonly CancellationTokenRegistration _caller;

    /// <param name="timeout">The deadline; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="clock">The clock the deadline is measured on.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public CallDeadline(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        _callerToken = cancellationToken;
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            Token = cancellationToken;
            return;
        }

        _source = new CancellationTokenSource(timeout, clock);
        if (cancellationToken.CanBeCanceled)
        {
            _caller = cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), _source);
        }

        Token = _source.Token;
    }

    /// <summary>The token to send the call with.</summary>
    public CancellationToken Token { get; }

    /// <summary>Whether the client's deadline passed (and not the caller's own cancellation).</summary>
    public bool DeadlinePassed => _source?.IsCancellationRequested == true && !_callerToken.IsCancellationRequested;

    public void Dispose()
    {
        _caller.Dispose();
        _source?.Dispose();
    }
}
