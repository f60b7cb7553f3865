namespace Databrain.Client;

/// <summary>The service token is missing or invalid (401, <c>AUTHENTICATION_ERROR</c> or <c>AUTHENTICATION_ERR</c>).</summary>
public sealed class DatabrainAuthenticationException : DatabrainApiException
{
    /// <inheritdoc cref="DatabrainApiException(DatabrainOperation, int, string?, string?, string?)" />
    public DatabrainAuthenticationException(DatabrainOperation operation, int status, string? errorCode, string? serverMessage, string? requestId)
        : base(operation, status, errorCode, serverMessage, requestId)
    {
    }
}
