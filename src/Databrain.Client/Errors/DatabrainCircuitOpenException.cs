using Databrain.Client.Pipeline;

namespace Databrain.Client;

/// <summary>
/// The client's circuit breaker is open (<see cref="DatabrainCircuitBreakerOptions"/>): too many recent attempts
/// failed, so this call was not sent at all. Safe to send again once <see cref="RetryAfter"/> has passed.
/// </summary>
public sealed class DatabrainCircuitOpenException : DatabrainException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation that was not sent.</param>
    /// <param name="retryAfter">How long the circuit stays open, when known.</param>
    public DatabrainCircuitOpenException(DatabrainOperation operation, TimeSpan? retryAfter)
        : base(operation, $"DataBrain {operation.Verb()} was not sent: the circuit breaker is open after repeated failures" +
            (retryAfter is { } wait ? $"; it lets a trial call through in {wait}." : "."))
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long until the breaker lets a trial call through, when known.</summary>
    public TimeSpan? RetryAfter { get; }
}
