namespace Databrain.Client;

/// <summary>Delete: other resources still use the datasource (<c>DATASOURCE_IN_USE</c>).</summary>
public sealed class DatasourceInUseException : DatabrainApiException
{
    /// <inheritdoc cref="DatabrainApiException(DatabrainOperation, int, string?, string?, string?)" />
    public DatasourceInUseException(DatabrainOperation operation, int status, string? errorCode, string? serverMessage, string? requestId)
        : base(operation, status, errorCode, serverMessage, requestId)
    {
    }
}
