using Databrain.Cli.Tests.Support;

namespace Databrain.Cli.Tests;

/// <summary>
/// What a new user trips on (issue 14): misspelt fields and types are refused with a suggestion and nothing is
/// sent, text that is not JSON is an input error saying where, a new type is sent with a note, and a short
/// token or password does not garble every message.
/// </summary>
public sealed class StrictInputTests : IDisposable
{
    private readonly ApiServer _api = new();
    private readonly TempDirectory _files = new();

    public void Dispose()
    {
        _api.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task Create_WithUserOnPostgres_Exits2SuggestingUsernameAndSendsNothing()
    {
        var credentials = Samples.Postgres().Replace("\"username\"", "\"user\"", StringComparison.Ordinal);

        var result = await CreateAsync("postgres", credentials);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Equal(
            "error: VALIDATION_ERROR: the request is invalid (2 problems); nothing was sent.",
            "  credentials.user: not a postgres field; did you mean \"username\"?",
            "  credentials.username: is required.");
        _api.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Create_WithMisspeltOptionalFields_Exits2NamingEachInsteadOfDroppingThem()
    {
        var credentials = Samples.Postgres().TrimEnd()[..^1] + """, "sslmode": true, "sshtunel": "enable"}""";

        var result = await CreateAsync("postgres", credentials);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal(
            "error: VALIDATION_ERROR: the request is invalid (2 problems); nothing was sent.",
            "  credentials.sslmode: not a postgres field; did you mean \"sslMode\"?",
            "  credentials.sshtunel: not a postgres field; did you mean \"sshTunnel\"?");
        _api.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Create_WithAMisspeltType_Exits2SuggestingTheTypeAndSendsNothing()
    {
        var result = await CreateAsync("postgress", Samples.Postgres());

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Equal(
            "error: VALIDATION_ERROR: the request is invalid (1 problem); nothing was sent.",
            "  datasourceType: unknown type \"postgress\"; did you mean \"postgres\"?");
        _api.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Create_WithATypeInOtherCaseAndSpaces_SendsTheDocumentedType()
    {
        _api.Given("POST", ApiServer.DatasourcePath, 200, """{"name": "production-postgres"}""");

        var result = await CreateAsync(" Postgres ", Samples.Postgres());

        result.ExitCode.Should().Be(0, result.AllOutput);
        result.Stderr.Should().BeEmpty();
        JsonAssert.Equivalent($$"""{"datasourceType": "postgres", "credentials": {{Samples.Postgres()}}}""", _api.SingleRequest().Body);
    }

    [Fact]
    public async Task Create_WithANewTypeFarFromEveryKnownOne_SendsItAndSaysSoOnStandardError()
    {
        _api.Given("POST", ApiServer.DatasourcePath, 200, """{"name": "crdb"}""");
        const string credentials = """{"name": "crdb", "host": "crdb.example.com", "port": 26257, "user": "root", "password": "pw"}""";

        var result = await CreateAsync("cockroachdb", credentials);

        result.ExitCode.Should().Be(0, result.AllOutput);
        result.Stdout.Should().Equal("created: crdb");
        result.Stderr.Should().Equal("note: \"cockroachdb\" is not a datasource type this SDK knows; sending its fields as they are.");
        JsonAssert.Equivalent($$"""{"datasourceType": "cockroachdb", "credentials": {{credentials}}}""", _api.SingleRequest().Body);
    }

    [Fact]
    public async Task Create_WithATruncatedCredentialsFile_Exits2WithInputErrorSayingTheLineAndColumn()
    {
        var path = _files.File("pg.json", "{\n  \"name\": \"pg\",\n  \"password\": \"hunter2-secret");

        var result = await CliRunner.RunAsync(_api.Environment(), "datasource", "create", "--type", "postgres", "--credentials", path);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Equal(
            $"error: INPUT_ERROR: --credentials file '{path}' is not valid JSON at line 3, column 30: it ends before the JSON is complete.");
        result.AllOutput.Should().NotContain("hunter2");
        _api.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Create_WithCredentialsCutOffAfterAComma_PointsAtTheEndOfTheText()
    {
        var result = await CreateAsync("postgres", "{\"name\": \"pg\",\n  \"host\": \"db\",");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal(
            "error: INPUT_ERROR: --credentials (standard input) is not valid JSON at line 2, column 16: it ends before the JSON is complete.");
        _api.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Create_WithCredentialsOnStandardInputThatAreNotJson_Exits2WithInputError()
    {
        var result = await CreateAsync("postgres", "name=pg");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal("error: INPUT_ERROR: --credentials (standard input) is not valid JSON at line 1, column 2.");
        _api.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Create_WithATruncatedTenancyFile_Exits2WithInputError()
    {
        var tenancy = _files.File("tenancy.json", "{\"tenancyLevel\": \"TABLE\",\n");

        var result = await CliRunner.RunAsync(
            _api.Environment(), "datasource", "create", "--type", "postgres",
            "--credentials", _files.File("pg.json", Samples.Postgres()), "--tenancy", tenancy);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal(
            $"error: INPUT_ERROR: --tenancy file '{tenancy}' is not valid JSON at line 2, column 1: it ends before the JSON is complete.");
        _api.Received.Should().BeEmpty();
    }

    // Issue 14: DATABRAIN_SERVICE_TOKEN=t printed "***he reques*** is invalid (2 problems); no***hing was sen***."
    [Fact]
    public async Task Create_WithAOneLetterToken_PrintsTheValidationErrorReadably()
    {
        const string credentials = """{"name": "pg", "host": "db.example.com", "port": 5432, "password": "abc", "database": "analytics"}""";

        var result = await CliRunner.RunWithStdinAsync(
            _api.Environment(token: "t"), credentials, "datasource", "create", "--type", "postgres", "--credentials", "-");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal(
            "error: VALIDATION_ERROR: the request is invalid (2 problems); nothing was sent.",
            "  credentials.username: is required.",
            "  credentials.schema: is required.");
    }

    [Fact]
    public async Task Create_WhenTheServerEchoesAOneLetterTokenAndAThreeLetterPassword_MasksThemAndNothingElse()
    {
        _api.Given("POST", ApiServer.DatasourcePath, 400,
            """{"error": {"code": "CREDENTIAL_TEST_FAILED", "message": "password \"abc\" rejected (token t); the abcdef setting stays"}}""");

        var result = await CliRunner.RunWithStdinAsync(
            _api.Environment(token: "t"), Samples.Postgres(password: "abc"), "datasource", "create", "--type", "postgres", "--credentials", "-");

        result.ExitCode.Should().Be(6);
        result.Stderr.Should().Equal(
            "error: CREDENTIAL_TEST_FAILED: password \"***\" rejected (token ***); the abcdef setting stays",
            "  HTTP 400");
    }

    private Task<CliResult> CreateAsync(string type, string credentials) =>
        CliRunner.RunWithStdinAsync(_api.Environment(), credentials, "datasource", "create", "--type", type, "--credentials", "-");
}
