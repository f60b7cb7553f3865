using Databrain.Client;

namespace Databrain.Cli;

/// <summary>
/// What the tool prints and exits with for each exception type of the SDK, one row per concrete type.
/// Scripts branch on both, so a row never changes meaning. Written out, not derived from type names:
/// a test requires a row for every concrete <see cref="DatabrainException"/> of the SDK, so a new type
/// gets a decided code, not an accidental one.
/// </summary>
internal static class SdkExceptionTable
{
    /// <summary>
    /// The exit code and the code of <c>error: CODE: message</c> per exception type. <c>Code</c> is
    /// <see langword="null"/> for DataBrain's error answers: they print the server's own code, or
    /// <c>HTTP_&lt;status&gt;</c> when it sent none.
    /// </summary>
    public static IReadOnlyDictionary<Type, (int ExitCode, string? Code)> Rows { get; } = new Dictionary<Type, (int, string?)>
    {
        // Nothing was sent: the input is invalid.
        [typeof(DatabrainValidationException)] = (ExitCodes.InvalidInput, CliErrorCodes.ValidationError),
        [typeof(DatabrainInvalidJsonException)] = (ExitCodes.InvalidInput, CliErrorCodes.InputError),

        // No answer, or nothing sent (the circuit breaker): no server code exists, so the tool names them.
        [typeof(DatabrainConnectionException)] = (ExitCodes.NoAnswer, CliErrorCodes.ConnectionError),
        [typeof(DatabrainTimeoutException)] = (ExitCodes.NoAnswer, CliErrorCodes.Timeout),
        [typeof(DatabrainOutcomeUnknownException)] = (ExitCodes.NoAnswer, CliErrorCodes.OutcomeUnknown),
        [typeof(DatabrainCircuitOpenException)] = (ExitCodes.NoAnswer, CliErrorCodes.CircuitOpen),
        [typeof(DatabrainException)] = (ExitCodes.NoAnswer, CliErrorCodes.NoAnswer),

        // DataBrain answered: the server's code, and an exit code by what a script can do about it.
        [typeof(DatabrainAuthenticationException)] = (ExitCodes.Authentication, null),
        [typeof(DatasourceNotFoundException)] = (ExitCodes.NotFound, null),
        [typeof(InvalidDatasourceIdException)] = (ExitCodes.NotFound, null),
        [typeof(DatasourceNameConflictException)] = (ExitCodes.NameConflict, null),
        [typeof(CredentialTestFailedException)] = (ExitCodes.CredentialTestFailed, null),
        [typeof(DatabrainRateLimitedException)] = (ExitCodes.RateLimited, null),
        [typeof(InvalidRequestBodyException)] = (ExitCodes.ApiError, null),
        [typeof(DatasourceInUseException)] = (ExitCodes.ApiError, null),
        [typeof(SchemaCacheFailedException)] = (ExitCodes.ApiError, null),
        [typeof(CreateDatasourceFailedException)] = (ExitCodes.ApiError, null),
        [typeof(DatabrainServerException)] = (ExitCodes.ApiError, null),
        [typeof(DatabrainApiException)] = (ExitCodes.ApiError, null),

        // DataBrain answered with a success status and a body that could not be read: there is no server code.
        [typeof(DatabrainMalformedResponseException)] = (ExitCodes.ApiError, CliErrorCodes.MalformedResponse),
    };

    /// <summary>
    /// The row of <paramref name="exception"/>'s type, or, for a type the table does not know (an SDK newer
    /// than this tool), of its nearest base type: <see cref="DatabrainException"/> at worst.
    /// </summary>
    public static (int ExitCode, string? Code) Find(DatabrainException exception)
    {
        for (var type = exception.GetType(); ; type = type.BaseType!)
        {
            if (Rows.TryGetValue(type, out var row))
            {
                return row;
            }
        }
    }
}
