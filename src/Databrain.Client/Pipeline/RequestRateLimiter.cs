using System.Threading.RateLimiting;

namespace Databrain.Client.Pipeline;

/// <summary>
/// The client-side rate limit (<see cref="DatabrainRateLimitOptions"/>), one per client: every attempt takes one of N
/// permits before it is sent, and gives it back <c>Window</c> (plus <see cref="TimerSlack"/>) after its answer arrived or it failed. That is a sliding
/// log: N permits, each used at most once per window, so no span of the window holds more than N requests. Timing the
/// return from the answer (not from the send) keeps the guarantee true on the server's side too, whatever the network
/// latency: the server saw the request before its answer left.
/// </summary>
internal sealed class RequestRateLimiter
{
    /// <summary>
    /// What a permit is held beyond the window. A timer may fire up to one tick of the system timer early (15.6 ms on
    /// Windows, 1 ms on Linux) next to the precise clock a server counts with; without this margin a permit whose
    /// request was answered within a millisecond (a list on loopback) came back a hair inside the server's window,
    /// and the server refused the next request (measured: one 429 in 102 requests, `-- ratelimit`).
    /// </summary>
    internal static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(16);

    // A ConcurrencyLimiter rather than a (fixed or sliding) window limiter: those replenish on their own timer, in
    // segments, and a window limiter lets up to twice the limit through around a window's edge. Here the permit is
    // held for its request's round trip plus a window. The queue is unbounded and served oldest first, so no call is
    // refused and none is overtaken; a waiter's deadline or cancellation takes it out of the line.
    private readonly ConcurrencyLimiter _permits;
    private readonly TimeSpan _hold;
    private readonly TimeProvider _timeProvider;

    public RequestRateLimiter(DatabrainRateLimitOptions options, TimeProvider timeProvider)
    {
        _permits = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.PermitLimit,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _hold = options.Window + TimerSlack;
        _timeProvider = timeProvider;
    }

    /// <summary>How many attempts are waiting for a permit.</summary>
    public long Queued => _permits.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>Waits for a permit. Dispose the result once the attempt is over (answered or failed).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired while waiting.</exception>
    public async ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var lease = await _permits.AcquireAsync(1, cancellationToken).ConfigureAwait(false);

        // With an unbounded queue a lease is only ever refused when the limiter is disposed, which this one never is.
        return lease.IsAcquired ? new Permit(lease, this) : throw new InvalidOperationException("No rate-limit permit was granted.");
    }

    /// <summary>A held permit: disposing it starts the window after which it is given back.</summary>
    private sealed class Permit(RateLimitLease lease, RequestRateLimiter limiter) : IDisposable
    {
        private ITimer? _timer;
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) != 0)
            {
                return;
            }

            // The timer holds this permit (its state) and the permit the timer, so neither is collected before it
            // fires. The call's execution context (its span, say) is not captured: it need not live a window longer.
            var restoreFlow = !ExecutionContext.IsFlowSuppressed();
            if (restoreFlow)
            {
                ExecutionContext.SuppressFlow();
            }

            try
            {
                _timer = limiter._timeProvider.CreateTimer(static state => ((Permit)state!).Release(), this, limiter._hold, Timeout.InfiniteTimeSpan);
            }
            finally
            {
                if (restoreFlow)
                {
                    ExecutionContext.RestoreFlow();
                }
            }
        }

        private void Release()
        {
            lease.Dispose();
            _timer?.Dispose();
        }
    }
}
