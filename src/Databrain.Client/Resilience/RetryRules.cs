using Databrain.Client.Pipeline;
using Databrain.Client.Transport;
using Polly;

namespace Databrain.Client.Resilience;

/// <summary>
/// What a failed attempt proves, and so whether it may be sent again. List, update and sync are repeatable (a
/// second list reads again, a second update writes the same full object, a second sync re-reads the schema).
/// Create and delete are not: they are retried only when the failure proves the server did not process them.
/// </summary>
internal static class RetryRules
{
    /// <summary>Whether sending the operation twice does no harm.</summary>
    public static bool IsRepeatable(DatabrainOperation operation) =>
        operation is DatabrainOperation.List or DatabrainOperation.Update or DatabrainOperation.Sync;

    /// <summary>
    /// Repeatable operations: 408, 429, 500, 502, 503, 504. Create and delete: only 429 (the rate limiter refused
    /// it) and 503 (the service refused it): a 500, 502 or 504 may come after the server acted.
    /// </summary>
    public static bool IsRetryableStatus(DatabrainOperation operation, int status) => IsRepeatable(operation)
        ? status is 408 or 429 or 500 or 502 or 503 or 504
        : status is 429 or 503;

    /// <summary>The connection was never established (refused, unreachable, name not resolved): nothing reached the server.</summary>
    public static bool NeverConnected(HttpRequestException exception) =>
        TransportFailure.NeverConnected(exception);

    /// <summary>
    /// The request provably never reached the server: no connection, or the TLS handshake or proxy tunnel failed
    /// before a byte of it was sent. (Only <see cref="NeverConnected"/> failures are retried: the others rarely heal.)
    /// </summary>
    public static bool NeverSent(Exception? exception) => exception is HttpRequestException http
        && (NeverConnected(http) || TransportFailure.FailedBeforeSending(http));

    /// <summary>Whether the attempt's outcome may be retried for this operation.</summary>
    /// <param name="operation">The operation the request carries.</param>
    /// <param name="outcome">The attempt's answer or exception.</param>
    /// <param name="callToken">The call's token: a cancellation of the call itself is never retried.</param>
    public static bool ShouldRetry(DatabrainOperation operation, Outcome<Answer> outcome, CancellationToken callToken)
    {
        if (outcome.Result is { } answer)
        {
            return !answer.IsSuccess && IsRetryableStatus(operation, answer.Status);
        }

        return outcome.Exception switch
        {
            // A status line arrived: it decides. A cut-off 2xx only matters where the body is the result (list).
            IncompleteResponseException incomplete => incomplete.Status is >= 200 and <= 299
                ? operation == DatabrainOperation.List
                : IsRetryableStatus(operation, incomplete.Status),
            HttpRequestException http when NeverConnected(http) => true,
            OperationCanceledException when callToken.IsCancellationRequested => false,
            CallDeadlineException => false,

            // Sent, and no answer: a reset, an early EOF, an attempt timeout (ours or the transport's own).
            AttemptTimeoutException or OperationCanceledException => IsRepeatable(operation),
            var failure when TransportFailure.IsTransportException(failure) => IsRepeatable(operation),
            _ => false,
        };
    }

    /// <summary>Failures the circuit breaker counts: server errors, throttling and transport failures.</summary>
    public static bool IsTransientFailure(Outcome<Answer> outcome, CancellationToken callToken)
    {
        if (outcome.Result is { } answer)
        {
            return answer.Status is >= 500 or 408 or 429;
        }

        return outcome.Exception switch
        {
            OperationCanceledException when callToken.IsCancellationRequested => false,
            AttemptTimeoutException or OperationCanceledException => true,
            var failure => TransportFailure.IsTransportException(failure),
        };
    }

    /// <summary>What a log line says about an outcome: a status or an exception type, never a body or a header.</summary>
    public static string Describe(Outcome<Answer> outcome) => outcome.Exception switch
    {
        null => $"HTTP {outcome.Result!.Status}",
        IncompleteResponseException incomplete => $"HTTP {incomplete.Status} with an incomplete body",
        HttpRequestException http => $"{nameof(HttpRequestException)} ({TransportFailure.Describe(http)})",
        AttemptTimeoutException timeout => $"attempt timeout ({timeout.Timeout.TotalMilliseconds:0} ms)",
        var other => other.GetType().Name,
    };
}
