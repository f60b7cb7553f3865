namespace Databrain.Client;

/// <summary>DataBrain connected to the datasource but failed to cache its schema (<c>SCHEMA_CACHE_FAILED</c>, 500).</summary>
public sealed class SchemaCacheFailedException : DatabrainServerException
{
    /// <inheritdoc cref="DatabrainApiException(DatabrainOperation, int, string?, string?, string?)" />
    public SchemaCacheFailedException(DatabrainOperation operation, int status, string? errorCode, string? serverMessage, string? requestId)
        : base(operation, status, errorCode, serverMessage, requestId)
    {
    }
}
