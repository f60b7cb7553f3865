using Databrain.Cli.Tests.Support;

namespace Databrain.Cli.Tests;

/// <summary>A server that echoes secrets back: none of them reaches standard output or standard error.</summary>
public sealed class LeakTests : IDisposable
{
    private const string Password = "Pa55-w0rd-that-must-not-leak";
    private const string Token = "svc-token-that-must-not-leak";

    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Create_WhenTheServerEchoesThePasswordAndToken_PrintsNeither()
    {
        _api.Given("POST", ApiServer.DatasourcePath, 400,
            $$$"""{"error": {"code": "CREDENTIAL_TEST_FAILED", "message": "login failed for dbuser/{{{Password}}} (token {{{Token}}})"}}""",
            ("x-request-id", $"req-{Token}"));

        var result = await CliRunner.RunWithStdinAsync(
            _api.Environment(Token), Samples.Postgres(password: Password), "datasource", "create", "--type", "postgres", "--credentials", "-");

        result.ExitCode.Should().Be(6);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Equal("error: CREDENTIAL_TEST_FAILED: login failed for dbuser/*** (token ***)", "  HTTP 400, request id req-***");
        result.AllOutput.Should().NotContain(Password).And.NotContain(Token);
    }

    [Fact]
    public async Task List_WhenTheServerEchoesTheTokenInAnErrorAndANameOnSuccess_PrintsNeither()
    {
        // The SDK has no credentials to scrub on list; the tool still knows the token.
        _api.Given("GET", ApiServer.DatasourcePath, 401, $$$"""{"error": {"code": "AUTHENTICATION_ERROR", "message": "bad token {{{Token}}}"}}""");
        var failed = await CliRunner.RunAsync(_api.Environment(Token), "datasource", "list");

        _api.ResetStubs();
        _api.Given("GET", ApiServer.DatasourcePath, 200, $$$"""{"data": [{"name": "prod"}, {"name": "{{{Token}}}"}]}""");
        var listed = await CliRunner.RunAsync(_api.Environment(Token), "datasource", "list", "-o", "json");

        failed.ExitCode.Should().Be(3);
        failed.Stderr.Should().Equal("error: AUTHENTICATION_ERROR: bad token ***", "  HTTP 401");
        listed.ExitCode.Should().Be(0);
        listed.Stdout.Should().Equal("""{"datasources":[{"name":"prod"},{"name":"***"}]}""");
        (failed.AllOutput + listed.AllOutput).Should().NotContain(Token);
    }

    [Fact]
    public async Task Create_WithAnUnknownType_MasksEveryFieldValueButTheName()
    {
        _api.Given("POST", ApiServer.DatasourcePath, 400,
            """{"error": {"code": "INVALID_REQUEST_BODY", "message": "bad connection string postgres://u:opaque-secret@h/db for crdb"}}""");
        const string credentials = """{"name": "crdb", "connectionString": "postgres://u:opaque-secret@h/db"}""";

        var result = await CliRunner.RunWithStdinAsync(_api.Environment(Token), credentials, "datasource", "create", "--type", "cockroachdb", "--credentials", "-");

        result.ExitCode.Should().Be(8);
        result.Stderr.Should().Equal(
            "note: \"cockroachdb\" is not a datasource type this SDK knows; sending its fields as they are.",
            "error: INVALID_REQUEST_BODY: bad connection string *** for crdb",
            "  HTTP 400");
    }

    [Fact]
    public async Task Create_WithABigQueryKey_WhenTheServerEchoesItsPrivateKeyAndClientEmail_PrintsNeither()
    {
        var key = ServiceAccountKey.Create(new Random(3));
        _api.Given("POST", ApiServer.DatasourcePath, 400, System.Text.Json.JsonSerializer.Serialize(new
        {
            error = new { code = "CREDENTIAL_TEST_FAILED", message = $"bad key {key.PrivateKey} for {key.ClientEmail}" },
        }));
        var credentials = $$"""
            {"name": "bq", "credentials_json": {{System.Text.Json.JsonSerializer.Serialize(key.ToJson())}},
             "project_id": "{{key.ProjectId}}", "dataset_location": "EU"}
            """;

        var result = await CliRunner.RunWithStdinAsync(_api.Environment(Token), credentials, "datasource", "create", "--type", "bigquery", "--credentials", "-");

        result.ExitCode.Should().Be(6);
        result.Stderr.Should().Equal("error: CREDENTIAL_TEST_FAILED: bad key *** for ***", "  HTTP 400");
        foreach (var secret in key.PrivateKeyLines.Append(key.ClientEmail).Append(key.PrivateKeyId))
        {
            result.AllOutput.Should().NotContain(secret);
        }
    }

    [Fact]
    public async Task Create_WhenValidationFails_NeverPrintsTheSecretValues()
    {
        const string credentials = $$"""{"name": "pg", "host": "db", "port": "5432", "username": "u", "password": "{{Password}}", "database": "d", "schema": "s"}""";

        var result = await CliRunner.RunWithStdinAsync(_api.Environment(Token), credentials, "datasource", "create", "--type", "postgres", "--credentials", "-");

        result.ExitCode.Should().Be(2);
        result.AllOutput.Should().NotContain(Password).And.NotContain(Token);
        _api.Received.Should().BeEmpty();
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public async Task Apply_WhenTheServerEchoesSecretsReadThroughReferences_PrintsNone(string output)
    {
        const string envSecret = "env-secret-that-must-not-leak";
        const string fileSecret = "file-secret-that-must-not-leak";
        using var files = new TempDirectory();
        files.File("dsn.txt", fileSecret + "\n");
        var definitions = files.File("datasources.json", """
            [
              {"datasourceType": "postgres", "credentials": {"name": "pg", "host": "db", "port": 5432, "username": "u",
               "password": "${env:PG_PASSWORD}", "database": "d", "schema": "s"}},
              {"datasourceType": "cockroachdb", "credentials": {"name": "crdb", "dsn": "${file:dsn.txt}"}}
            ]
            """);
        _api.Given("GET", ApiServer.DatasourcePath, 200, """{"data": []}""");
        _api.Given("POST", ApiServer.DatasourcePath, 400,
            $$$"""{"error": {"code": "CREDENTIAL_TEST_FAILED", "message": "login failed: {{{envSecret}}}, {{{fileSecret}}} (token {{{Token}}})"}}""");
        var environment = _api.Environment(Token);
        environment["PG_PASSWORD"] = envSecret;

        var result = await CliRunner.RunAsync(environment, "datasource", "apply", "--file", definitions, "-o", output);

        result.ExitCode.Should().Be(ExitCodes.AppliedWithFailures);
        result.Stderr.Should().Equal(
            "note: \"cockroachdb\" (crdb) is not a datasource type this SDK knows; sending its fields as they are.",
            "error: CREDENTIAL_TEST_FAILED: pg: login failed: ***, *** (token ***)",
            "error: CREDENTIAL_TEST_FAILED: crdb: login failed: ***, *** (token ***)");
        result.AllOutput.Should().NotContain(envSecret).And.NotContain(fileSecret).And.NotContain(Token);
    }

    [Fact]
    public async Task UsageError_WithTheTokenPastedAsAnArgument_DoesNotEchoIt()
    {
        var result = await CliRunner.RunAsync(_api.Environment(Token), "datasource", "list", Token);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal("error: USAGE: Unrecognized command or argument '***'.", "  See 'databrain datasource list --help'.");
    }
}
