namespace Databrain.Client;

/// <summary>Update or delete: no datasource has this name (<c>DATASOURCE_NAME_ERROR</c> on update and delete, <c>DATASOURCE_NOT_FOUND</c>, or 404).</summary>
public sealed class DatasourceNotFoundException : DatabrainApiException
{
    /// <inheritdoc cref="DatabrainApiException(DatabrainOperation, int, string?, string?, string?)" />
    public DatasourceNotFoundException(DatabrainOperation operation, int status, string? errorCode, string? serverMessage, string? requestId)
        : base(operation, status, errorCode, serverMessage, requestId)
    {
    }
}
