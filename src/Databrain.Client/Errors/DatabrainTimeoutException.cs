using Databrain.Client.Pipeline;

namespace Databrain.Client;

/// <summary>
/// The call did not complete within the SDK's timeout. Distinct from the caller's own cancellation, which
/// surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class DatabrainTimeoutException : DatabrainException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation that timed out.</param>
    /// <param name="timeout">The timeout that elapsed.</param>
    /// <param name="innerException">The cancellation or timeout that ended the call, if any.</param>
    public DatabrainTimeoutException(DatabrainOperation operation, TimeSpan timeout, Exception? innerException = null)
        : base(operation, $"DataBrain {operation.Verb()} did not complete within {timeout}.", innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }
}
