namespace Databrain.Client;

/// <summary>Sync: the datasource id is unknown or invalid (<c>DATASOURCE_ID_ERROR</c>).</summary>
public sealed class InvalidDatasourceIdException : DatabrainApiException
{
    /// <inheritdoc cref="DatabrainApiException(DatabrainOperation, int, string?, string?, string?)" />
    public InvalidDatasourceIdException(DatabrainOperation operation, int status, string? errorCode, string? serverMessage, string? requestId)
        : base(operation, status, errorCode, serverMessage, requestId)
    {
    }
}
