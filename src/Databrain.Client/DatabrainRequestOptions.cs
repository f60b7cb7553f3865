namespace Databrain.Client;

/// <summary>
/// Settings of one call that differ from the client's (<see cref="DatabrainClientOptions"/>). Pass it to the overload
/// of an operation that takes it; <see langword="null"/> keeps every client setting.
/// </summary>
public sealed class DatabrainRequestOptions
{
    /// <summary>
    /// The longest this call may take, retries, waits and the outcome check of a create or delete included, instead of
    /// <see cref="DatabrainClientOptions.Timeout"/>: positive, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>;
    /// <see langword="null"/> keeps the client's. Prefer it to a <see cref="CancellationToken"/> with a
    /// <c>CancelAfter</c>: a timeout is the SDK's own, so a create or delete it ends is still reported as
    /// <see cref="DatabrainOutcomeUnknownException"/> (with a lookup, time permitting) and anything else as
    /// <see cref="DatabrainTimeoutException"/>, where the caller's own cancellation is passed through as
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The call's timeout: this override when set and valid, else the client's.</summary>
    internal static TimeSpan TimeoutOf(DatabrainRequestOptions? requestOptions, TimeSpan clientTimeout)
    {
        if (requestOptions?.Timeout is not { } timeout)
        {
            return clientTimeout;
        }

        return timeout > TimeSpan.Zero || timeout == System.Threading.Timeout.InfiniteTimeSpan
            ? timeout
            : throw new ArgumentOutOfRangeException(nameof(requestOptions), timeout, $"{nameof(Timeout)} must be positive or infinite.");
    }
}
