namespace Databrain.Client;

/// <summary>DataBrain failed internally while creating the datasource (<c>CREATE_DATASOURCE_FAILED</c>, 500).</summary>
public sealed class CreateDatasourceFailedException : DatabrainServerException
{
    /// <inheritdoc cref="DatabrainApiException(DatabrainOperation, int, string?, string?, string?)" />
    public CreateDatasourceFailedException(DatabrainOperation operation, int status, string? errorCode, string? serverMessage, string? requestId)
        : base(operation, status, errorCode, serverMessage, requestId)
    {
    }
}
