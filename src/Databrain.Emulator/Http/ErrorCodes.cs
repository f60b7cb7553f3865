namespace Databrain.Emulator.Http;

/// <summary>The <c>error.code</c> values the emulator answers with.</summary>
internal static class ErrorCodes
{
    public const string InvalidRequestBody = "INVALID_REQUEST_BODY";
    public const string DatasourceNameError = "DATASOURCE_NAME_ERROR";
    public const string CredentialTestFailed = "CREDENTIAL_TEST_FAILED";
    public const string DatasourceInUse = "DATASOURCE_IN_USE";
    public const string DatasourceIdError = "DATASOURCE_ID_ERROR";
    public const string AuthenticationError = "AUTHENTICATION_ERROR";
    public const string DatasourceNotFound = "DATASOURCE_NOT_FOUND";
    public const string SchemaCacheFailed = "SCHEMA_CACHE_FAILED";
    public const string CreateDatasourceFailed = "CREATE_DATASOURCE_FAILED";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
    public const string TooManyRequests = "TOO_MANY_REQUESTS";
    public const string NotFound = "NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
}
