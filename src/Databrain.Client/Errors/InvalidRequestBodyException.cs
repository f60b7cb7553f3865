namespace Databrain.Client;

/// <summary>The server rejected the request body or parameters (<c>INVALID_REQUEST_BODY</c>, 400).</summary>
public sealed class InvalidRequestBodyException : DatabrainApiException
{
    /// <inheritdoc cref="DatabrainApiException(DatabrainOperation, int, string?, string?, string?)" />
    public InvalidRequestBodyException(DatabrainOperation operation, int status, string? errorCode, string? serverMessage, string? requestId)
        : base(operation, status, errorCode, serverMessage, requestId)
    {
    }
}
