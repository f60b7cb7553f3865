namespace Databrain.Client;

/// <summary>
/// No answer arrived: the connection was refused or reset, or the host name did not resolve. The inner
/// exception is the transport's (for example <see cref="System.Net.Http.HttpRequestException"/>), never one
/// that holds the request.
/// </summary>
public sealed class DatabrainConnectionException : DatabrainException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation that failed.</param>
    /// <param name="message">What went wrong, with no secret.</param>
    /// <param name="innerException">The transport failure.</param>
    public DatabrainConnectionException(DatabrainOperation operation, string message, Exception? innerException = null)
        : base(operation, message, innerException)
    {
    }
}
