namespace Databrain.Client;

/// <summary>The server failed (any 5xx not named by a more specific type, including <c>INTERNAL_SERVER_ERROR</c>).</summary>
public class DatabrainServerException : DatabrainApiException
{
    /// <inheritdoc cref="DatabrainApiException(DatabrainOperation, int, string?, string?, string?)" />
    public DatabrainServerException(DatabrainOperation operation, int status, string? errorCode, string? serverMessage, string? requestId)
        : base(operation, status, errorCode, serverMessage, requestId)
    {
    }
}
