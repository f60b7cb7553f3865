namespace Databrain.Client;

/// <summary>Create: a datasource with this name already exists (<c>DATASOURCE_NAME_ERROR</c> on create).</summary>
public sealed class DatasourceNameConflictException : DatabrainApiException
{
    /// <inheritdoc cref="DatabrainApiException(DatabrainOperation, int, string?, string?, string?)" />
    public DatasourceNameConflictException(DatabrainOperation operation, int status, string? errorCode, string? serverMessage, string? requestId)
        : base(operation, status, errorCode, serverMessage, requestId)
    {
    }
}
