using Databrain.Cli.Tests.Support;

namespace Databrain.Cli.Tests;

/// <summary>The exact requests the tool sends, and how it prints answers no emulator gives.</summary>
public sealed class WireTests : IDisposable
{
    private readonly ApiServer _api = new();
    private readonly TempDirectory _files = new();

    public void Dispose()
    {
        _api.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task Create_WithATypeTheSdkDoesNotKnow_SendsEveryFieldAsIs()
    {
        _api.Given("POST", ApiServer.DatasourcePath, 200, """{"name": "crdb"}""");
        const string credentials = """{"name": "crdb", "host": "crdb.example.com", "port": 26257, "user": "root", "password": "pw", "options": {"cluster": "blue"}}""";

        var result = await CliRunner.RunWithStdinAsync(_api.Environment(), credentials, "datasource", "create", "--type", "cockroachdb", "--credentials", "-");

        result.ExitCode.Should().Be(0, result.AllOutput);
        result.Stdout.Should().Equal("created: crdb");
        result.Stderr.Should().Equal("note: \"cockroachdb\" is not a datasource type this SDK knows; sending its fields as they are.");
        var request = _api.SingleRequest();
        request.Method.Should().Be("POST");
        request.Headers["Authorization"].Should().Equal($"Bearer {ApiServer.Token}");
        JsonAssert.Equivalent($$"""{"datasourceType": "cockroachdb", "credentials": {{credentials}}}""", request.Body);
    }

    [Fact]
    public async Task Create_SendsTheDocumentedPostgresBody()
    {
        _api.Given("POST", ApiServer.DatasourcePath, 200, """{"name": "production-postgres"}""");

        var result = await CliRunner.RunAsync(
            _api.Environment(), "datasource", "create", "--type", "postgres", "--credentials", _files.File("pg.json", Samples.Postgres()));

        result.ExitCode.Should().Be(0, result.AllOutput);
        JsonAssert.Equivalent(
            $$"""{"datasourceType": "postgres", "credentials": {{Samples.Postgres()}}}""",
            _api.SingleRequest().Body);
    }

    [Fact]
    public async Task TokenFile_SendsTheTokenReadFromTheFile()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 200, """{"data": [{"name": "a"}]}""");
        var tokenFile = _files.File("token", "token-from-file\n");

        var result = await CliRunner.RunAsync(_api.Environment(token: null), "datasource", "list", "--token-file", tokenFile);

        result.ExitCode.Should().Be(0, result.AllOutput);
        result.Stdout.Should().Equal("a");
        _api.SingleRequest().Headers["Authorization"].Should().Equal("Bearer token-from-file");
    }

    [Fact]
    public async Task TokenFile_WinsOverTheEnvironmentVariable()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 200, """{"data": []}""");

        var result = await CliRunner.RunAsync(
            _api.Environment(token: "token-from-environment"), "--token-file", _files.File("token", "token-from-file"), "datasource", "list");

        result.ExitCode.Should().Be(0, result.AllOutput);
        _api.SingleRequest().Headers["Authorization"].Should().Equal("Bearer token-from-file");
    }

    [Fact]
    public async Task BaseUrlOption_WinsOverTheEnvironmentVariable()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 200, """{"data": []}""");
        var environment = _api.Environment();
        environment[CliRunner.BaseUrlVariable] = $"http://127.0.0.1:{Ports.Closed()}/";

        var result = await CliRunner.RunAsync(environment, "datasource", "list", "--base-url", _api.BaseAddress.ToString());

        result.ExitCode.Should().Be(0, result.AllOutput);
        _api.Received.Should().ContainSingle();
    }

    [Fact]
    public async Task ServerError_WithARequestIdHeader_PrintsStatusAndRequestId()
    {
        _api.Given("POST", ApiServer.SyncPath, 400, """{"error": {"code": "INVALID_REQUEST_BODY", "message": "input.datasourceId is required"}}""",
            ("x-request-id", "req-42"));

        var result = await CliRunner.RunAsync(_api.Environment(), "datasource", "sync", "3f2c1b7e-0000-4000-8000-000000000001");

        result.ExitCode.Should().Be(8);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Equal("error: INVALID_REQUEST_BODY: input.datasourceId is required", "  HTTP 400, request id req-42");
    }

    [Fact]
    public async Task ServerError_WithoutACode_IsNamedByItsStatus()
    {
        _api.Given("DELETE", ApiServer.DatasourcePath, 400, body: null);

        var result = await CliRunner.RunAsync(_api.Environment(), "datasource", "delete", "pg");

        result.ExitCode.Should().Be(8);
        result.Stderr.Should().Equal("error: HTTP_400: DataBrain delete failed with HTTP 400 BadRequest", "  HTTP 400");
    }

    [Fact]
    public async Task RateLimited_WithoutACode_Exits7AndSaysWhenToRetry()
    {
        // A Retry-After far above any cap: no retry policy waits for it.
        _api.Given("GET", ApiServer.DatasourcePath, 429, body: null, ("Retry-After", "3600"));

        var result = await CliRunner.RunAsync(_api.Environment(), "datasource", "list", "--page", "1");

        result.ExitCode.Should().Be(7);
        result.Stderr.Should().Equal("error: HTTP_429: DataBrain list failed with HTTP 429 TooManyRequests", "  HTTP 429, retry after 3600 s");
    }

    [Fact]
    public async Task Sync_WithOutputJson_WhenTheServerSendsNoMessage_WritesNull()
    {
        _api.Given("POST", ApiServer.SyncPath, 200, """{"data": {}}""");

        var result = await CliRunner.RunAsync(_api.Environment(), "datasource", "sync", "id-1", "-o", "json");

        result.ExitCode.Should().Be(0, result.AllOutput);
        result.Stdout.Should().Equal("""{"datasourceId":"id-1","message":null}""");
        JsonAssert.Equivalent("""{"input": {"datasourceId": "id-1"}}""", _api.SingleRequest().Body);
    }

    [Fact]
    public async Task Delete_SendsTheNameUrlEncoded()
    {
        _api.Given("DELETE", ApiServer.DatasourcePath, 200, """{"id": "id-9", "message": "Datasource deleted successfully"}""");

        var result = await CliRunner.RunAsync(_api.Environment(), "datasource", "delete", "sales & marketing");

        result.ExitCode.Should().Be(0, result.AllOutput);
        result.Stdout.Should().Equal("deleted: sales & marketing (id id-9)");
        _api.SingleRequest().Query["datasourceName"].Should().Equal("sales & marketing");
    }
}
