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

    [Fact]
    public void AnySdkFailureWithoutAnAnswer_Exits9UnderANameMadeFromItsType()
    {
        var error = FailureMapper.Map(new DatabrainFutureNoAnswerException());

        Expect(error, 9, "FUTURE_NO_ANSWER", "The create may or may not have been applied.");
    }

    [Fact]
    public void SdkFailureThatNamesItsOwnCode_KeepsIt()
    {
        var error = FailureMapper.Map(new CodedNoAnswerException());

        Expect(error, 9, "OUTCOME_UNKNOWN", "No answer.");
    }

    [Theory]
    [InlineData("DatabrainOutcomeUnknownException", "OUTCOME_UNKNOWN")]
    [InlineData("DatabrainConnectionException", "CONNECTION")]
    [InlineData("DatabrainException", "NO_ANSWER")]
    [InlineData("SomethingElse", "SOMETHING_ELSE")]
    public void CodeFromTypeName_IsUpperSnakeCaseWithoutPrefixAndSuffix(string typeName, string code) =>
        FailureMapper.CodeFromTypeName(typeName).Should().Be(code);

    [Fact]
    public void Cancellation_Exits130()
    {
        var error = FailureMapper.Map(new OperationCanceledException());

        Expect(error, 130, "CANCELLED", "interrupted; a create or update may or may not have been applied.");
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

    /// <summary>Stands for an SDK exception the tool does not know by name (like the coming outcome-unknown one).</summary>
    private sealed class DatabrainFutureNoAnswerException() : DatabrainException(DatabrainOperation.Create, "The create may or may not have been applied.");

    private sealed class CodedNoAnswerException() : DatabrainException(DatabrainOperation.Create, "No answer.")
    {
        public override string? ErrorCode => "OUTCOME_UNKNOWN";
    }
}
