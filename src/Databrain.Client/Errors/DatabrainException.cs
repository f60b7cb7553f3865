namespace Databrain.Client;

/// <summary>
/// The root of every exception this SDK throws (a caller's own cancellation aside, which surfaces as
/// <see cref="OperationCanceledException"/>). Catch it to handle any DataBrain failure.
/// </summary>
/// <remarks>Messages and properties never hold a secret: credentials, keys or the service token.</remarks>
public class DatabrainException : Exception
{
    /// <summary>Creates an exception for <paramref name="operation"/>.</summary>
    /// <param name="operation">The operation that failed, if any.</param>
    /// <param name="message">A message that holds no secret.</param>
    /// <param name="innerException">The cause, if any; it must hold no secret either.</param>
    public DatabrainException(DatabrainOperation? operation, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Operation = operation;
    }

    /// <summary>The operation that failed; <see langword="null"/> when the failure is not tied to one.</summary>
    public DatabrainOperation? Operation { get; }

    /// <summary>The HTTP status of the server's answer; <see langword="null"/> when no answer arrived.</summary>
    public virtual int? Status => null;

    /// <summary>The error <c>code</c> as the server sent it (for example <c>DATASOURCE_NAME_ERROR</c>), if any.</summary>
    public virtual string? ErrorCode => null;

    /// <summary>The value of the response's request id header, if the server sent one.</summary>
    public virtual string? RequestId => null;
}
