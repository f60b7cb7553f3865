namespace Databrain.Client.Errors;

/// <summary>
/// Turns an error answer into the exception a caller can catch: by <c>code</c> first, then by HTTP status.
/// The same code can mean different things per operation: <c>DATASOURCE_NAME_ERROR</c> is a conflict on
/// create and "not found" on update and delete.
/// </summary>
internal static class ErrorMapper
{
    public static DatabrainApiException Map(
        DatabrainOperation operation, int status, string? code, string? message, string? requestId, TimeSpan? retryAfter)
    {
        switch (code?.ToUpperInvariant())
        {
            case "INVALID_REQUEST_BODY":
                return new InvalidRequestBodyException(operation, status, code, message, requestId);
            case "DATASOURCE_NAME_ERROR" when operation == DatabrainOperation.Create:
                return new DatasourceNameConflictException(operation, status, code, message, requestId);
            case "DATASOURCE_NAME_ERROR" when operation is DatabrainOperation.Update or DatabrainOperation.Delete:
            case "DATASOURCE_NOT_FOUND":
                return new DatasourceNotFoundException(operation, status, code, message, requestId);
            case "CREDENTIAL_TEST_FAILED":
                return new CredentialTestFailedException(operation, status, code, message, requestId);
            case "DATASOURCE_IN_USE":
                return new DatasourceInUseException(operation, status, code, message, requestId);
            case "DATASOURCE_ID_ERROR":
                return new InvalidDatasourceIdException(operation, status, code, message, requestId);
            case "AUTHENTICATION_ERROR" or "AUTHENTICATION_ERR":
                return new DatabrainAuthenticationException(operation, status, code, message, requestId);
            case "SCHEMA_CACHE_FAILED":
                return new SchemaCacheFailedException(operation, status, code, message, requestId);
            case "CREATE_DATASOURCE_FAILED":
                return new CreateDatasourceFailedException(operation, status, code, message, requestId);
            case "INTERNAL_SERVER_ERROR":
                return new DatabrainServerException(operation, status, code, message, requestId);
        }

        return status switch
        {
            401 => new DatabrainAuthenticationException(operation, status, code, message, requestId),
            404 when operation is DatabrainOperation.Update or DatabrainOperation.Delete =>
                new DatasourceNotFoundException(operation, status, code, message, requestId),
            429 => new DatabrainRateLimitedException(operation, status, code, message, requestId, retryAfter),
            >= 500 and <= 599 => new DatabrainServerException(operation, status, code, message, requestId),
            _ => new DatabrainApiException(operation, status, code, message, requestId),
        };
    }
}
