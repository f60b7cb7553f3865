namespace Databrain.Client;

/// <summary>DataBrain could not connect to the datasource with these credentials (<c>CREDENTIAL_TEST_FAILED</c>).</summary>
public sealed class CredentialTestFailedException : DatabrainApiException
{
    /// <inheritdoc cref="DatabrainApiException(DatabrainOperation, int, string?, string?, string?)" />
    public CredentialTestFailedException(DatabrainOperation operation, int status, string? errorCode, string? serverMessage, string? requestId)
        : base(operation, status, errorCode, serverMessage, requestId)
    {
    }
}
