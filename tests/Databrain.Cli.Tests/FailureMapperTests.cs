using Databrain.Client;

namespace Databrain.Cli.Tests;

/// <summary>Exceptions no loopback server can provoke in a test (a timeout, an SDK failure added later) and the whole type matrix.</summary>
public sealed class FailureMapperTests
{
    public static TheoryData<string, int> ApiExceptions => new()
    {
        { nameof(DatabrainAuthenticationException), 3 },
        { nameof(DatasourceNotFoundException), 4 },
        { nameof(InvalidDatasourceIdException), 4 },
        { nameof(DatasourceNameConflictException), 5 },
        { nameof(CredentialTestFailedException), 6 },
        { nameof(DatabrainRateLimitedException), 7 },
        { nameof(InvalidRequestBodyException), 8 },
        { nameof(DatasourceInUseException), 8 },
        { nameof(DatabrainServerException), 8 },
        { nameof(SchemaCacheFailedException), 8 },
        { nameof(CreateDatasourceFailedException), 8 },
        { nameof(DatabrainApiException), 8 },
    };

    [Theory]
    [MemberData(nameof(ApiExceptions))]
    public void ApiException_MapsToItsExitCodeAndKeepsTheServersCode(string type, int exitCode)
    {
        var exception = CreateApiException(type);

        var error = FailureMapper.Map(exception);

        Expect(error, exitCode, "SOME_CODE", "what the server said", "HTTP 400, request id r-1");
    }

    [Fact]
    public void Timeout_Exits9WithTimeout()
    {
        var error = FailureMapper.Map(new DatabrainTimeoutException(DatabrainOperation.Create, TimeSpan.FromMinutes(2)));

        Expect(error, 9, "TIMEOUT", "DataBrain create did not complete within 00:02:00.");
    }

    // The codes scripts see when no answer came (or nothing was sent). Pinned here on purpose: they
    // are the CLI's interface, and they must not change when an SDK type is renamed.
    public static TheoryData<string, int, string, string> FixedCodes => new()
    {
        { nameof(DatabrainValidationException), 2, "VALIDATION_ERROR", "the request is invalid (1 problem); nothing was sent." },
        {
            nameof(DatabrainInvalidJsonException), 2, "INPUT_ERROR",
            "The credentials text is not valid JSON at line 3, column 28: it ends before the JSON is complete."
        },
        { nameof(DatabrainConnectionException), 9, "CONNECTION_ERROR", "DataBrain list: connection refused." },
        { nameof(DatabrainTimeoutException), 9, "TIMEOUT", "DataBrain create did not complete within 00:02:00." },
        {
            nameof(DatabrainOutcomeUnknownException), 9, "OUTCOME_UNKNOWN",
            "DataBrain create of 'orders' may or may not have happened: the request may have reached the server but no answer came, " +
            "so it was not sent again; a lookup found the datasource."
        },
        {
            nameof(DatabrainCircuitOpenException), 9, "CIRCUIT_OPEN",
            "DataBrain list was not sent: the circuit breaker is open after repeated failures."
        },
        {
            nameof(DatabrainMalformedResponseException), 8, "MALFORMED_RESPONSE",
            "DataBrain list answered HTTP 200 with a body it could not read: the response has no data array (request id r-5)."
        },
        { nameof(DatabrainException), 9, "NO_ANSWER", "Something failed before an answer came." },
    };

    [Theory]
    [MemberData(nameof(FixedCodes))]
    public void SdkFailureWithoutAServerCode_PrintsItsFixedCode(string type, int exitCode, string code, string message)
    {
        var error = FailureMapper.Map(CreateNoAnswerException(type));

        error.ExitCode.Should().Be(exitCode);
        error.Code.Should().Be(code);
        error.Message.Should().Be(message);
    }

    [Fact]
    public void EveryConcreteSdkExceptionType_HasARow()
    {
        var concrete = typeof(DatabrainException).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DatabrainException).IsAssignableFrom(type))
            .ToList();

        concrete.Should().HaveCountGreaterThan(15);
        SdkExceptionTable.Rows.Keys.Should().BeEquivalentTo(concrete);
    }

    [Fact]
    public void RowsThatPrintTheServersCode_AreExactlyTheErrorAnswers()
    {
        SdkExceptionTable.Rows.Where(row => row.Value.Code is null).Select(row => row.Key)
            .Should().BeEquivalentTo(SdkExceptionTable.Rows.Keys.Where(type => typeof(DatabrainApiException).IsAssignableFrom(type)));
    }

    [Fact]
    public void FixedCodes_CoverEveryRowWithAFixedCode()
    {
        FixedCodes.Select(row => (string)row[0])
            .Should().BeEquivalentTo(SdkExceptionTable.Rows.Where(row => row.Value.Code is not null).Select(row => row.Key.Name));
    }

    [Fact]
    public void SdkFailureUnknownToTheTable_TakesTheRowOfItsNearestBaseType()
    {
        // An SDK newer than the tool: never a name made from the type, always a documented code.
        var error = FailureMapper.Map(new DatabrainFutureNoAnswerException());

        Expect(error, 9, "NO_ANSWER", "The create may or may not have been applied.");
    }

    [Fact]
    public void ErrorAnswerUnknownToTheTable_KeepsTheServersCodeUnderItsBasesExitCode()
    {
        var error = FailureMapper.Map(new FutureServerException());

        Expect(error, 8, "SOME_CODE", "what the server said", "HTTP 503, request id r-2");
    }

    [Fact]
    public void Cancellation_Exits130()
    {
        var error = FailureMapper.Map(new OperationCanceledException());

        Expect(error, 130, "CANCELLED", "interrupted; a create, update or delete may or may not have been applied.");
    }

    [Fact]
    public void UnexpectedException_Exits1NamingItsType()
    {
        var error = FailureMapper.Map(new InvalidOperationException("boom"));

        Expect(error, 1, "INTERNAL_ERROR", "InvalidOperationException: boom");
    }

    private static void Expect(CliError error, int exitCode, string code, string message, params string[] details)
    {
        error.ExitCode.Should().Be(exitCode);
        error.Code.Should().Be(code);
        error.Message.Should().Be(message);
        error.Details.Should().Equal(details);
    }

    private static DatabrainApiException CreateApiException(string type)
    {
        const DatabrainOperation op = DatabrainOperation.Update;
        return type switch
        {
            nameof(DatabrainAuthenticationException) => new DatabrainAuthenticationException(op, 400, "SOME_CODE", "what the server said", "r-1"),
            nameof(DatasourceNotFoundException) => new DatasourceNotFoundException(op, 400, "SOME_CODE", "what the server said", "r-1"),
            nameof(InvalidDatasourceIdException) => new InvalidDatasourceIdException(op, 400, "SOME_CODE", "what the server said", "r-1"),
            nameof(DatasourceNameConflictException) => new DatasourceNameConflictException(op, 400, "SOME_CODE", "what the server said", "r-1"),
            nameof(CredentialTestFailedException) => new CredentialTestFailedException(op, 400, "SOME_CODE", "what the server said", "r-1"),
            nameof(DatabrainRateLimitedException) => new DatabrainRateLimitedException(op, 400, "SOME_CODE", "what the server said", "r-1", null),
            nameof(InvalidRequestBodyException) => new InvalidRequestBodyException(op, 400, "SOME_CODE", "what the server said", "r-1"),
            nameof(DatasourceInUseException) => new DatasourceInUseException(op, 400, "SOME_CODE", "what the server said", "r-1"),
            nameof(DatabrainServerException) => new DatabrainServerException(op, 400, "SOME_CODE", "what the server said", "r-1"),
            nameof(SchemaCacheFailedException) => new SchemaCacheFailedException(op, 400, "SOME_CODE", "what the server said", "r-1"),
            nameof(CreateDatasourceFailedException) => new CreateDatasourceFailedException(op, 400, "SOME_CODE", "what the server said", "r-1"),
            _ => new DatabrainApiException(op, 400, "SOME_CODE", "what the server said", "r-1"),
        };
    }

    private static DatabrainException CreateNoAnswerException(string type) => type switch
    {
        nameof(DatabrainValidationException) => new DatabrainValidationException(DatabrainOperation.Create, [new ValidationProblem("credentials.port", "is required.")]),
        nameof(DatabrainInvalidJsonException) => new DatabrainInvalidJsonException("credentials", 3, 28, isIncomplete: true),
        nameof(DatabrainConnectionException) => new DatabrainConnectionException(DatabrainOperation.List, "DataBrain list: connection refused."),
        nameof(DatabrainTimeoutException) => new DatabrainTimeoutException(DatabrainOperation.Create, TimeSpan.FromMinutes(2)),
        nameof(DatabrainOutcomeUnknownException) => new DatabrainOutcomeUnknownException(DatabrainOperation.Create, "orders", datasourceExists: true),
        nameof(DatabrainCircuitOpenException) => new DatabrainCircuitOpenException(DatabrainOperation.List, retryAfter: null),
        nameof(DatabrainMalformedResponseException) => new DatabrainMalformedResponseException(DatabrainOperation.List, 200, "r-5", "the response has no data array"),
        _ => new DatabrainException(DatabrainOperation.Create, "Something failed before an answer came."),
    };

    /// <summary>Stands for an SDK exception without an answer that the table does not know (an SDK newer than the tool).</summary>
    private sealed class DatabrainFutureNoAnswerException() : DatabrainException(DatabrainOperation.Create, "The create may or may not have been applied.");

    /// <summary>Stands for a new kind of server failure the table does not know.</summary>
    private sealed class FutureServerException() : DatabrainServerException(DatabrainOperation.Delete, 503, "SOME_CODE", "what the server said", "r-2");
}
