using Databrain.Cli.Tests.Support;

namespace Databrain.Cli.Tests;

/// <summary>Command-line mistakes, help, and the connection settings: exit 2 before anything is sent.</summary>
public sealed class UsageTests : IDisposable
{
    private readonly TempDirectory _files = new();

    // Nothing listens here: a test that wrongly sent a request would fail with exit 9, not pass.
    private readonly Dictionary<string, string?> _environment =
        CliRunner.Environment(new Uri($"http://127.0.0.1:{Ports.Closed()}/"), "some-token");

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(new[] { "datasource", "list", "--bogus" }, "Unrecognized command or argument '--bogus'.", "databrain datasource list")]
    [InlineData(new[] { "datasource", "list", "--page", "0" }, "--page must be a whole number, 1 or more: '0' is not.", "databrain datasource list")]
    [InlineData(new[] { "datasource", "list", "--page", "abc" }, "--page must be a whole number, 1 or more: 'abc' is not.", "databrain datasource list")]
    [InlineData(new[] { "datasource", "list", "--page" }, "Required argument missing for option: '--page'.", "databrain datasource list")]
    [InlineData(new[] { "datasource", "delete" }, "Required argument missing for command: 'delete'.", "databrain datasource delete")]
    [InlineData(new[] { "datasource", "create", "--credentials", "x.json" }, "Option '--type' is required.", "databrain datasource create")]
    [InlineData(new[] { "datasource", "list", "--output", "xml" }, "Argument 'xml' not recognized. Must be one of: 'text' 'json'", "databrain datasource list")]
    [InlineData(new[] { "datasource", "apply" }, "Option '--file' is required.", "databrain datasource apply")]
    [InlineData(new[] { "datasource", "apply", "--file", "x.json", "--concurrency", "0" }, "--concurrency must be a whole number, 1 or more: '0' is not.", "databrain datasource apply")]
    [InlineData(new[] { "datasource", "apply", "--file", "x.json", "--rate-limit", "500" }, "--rate-limit must be N/SECONDS: N a whole number, 1 or more; SECONDS from 0.01 to 86400 (for example 500/120): '500' is not.", "databrain datasource apply")]
    [InlineData(new[] { "datasource", "apply", "--file", "x.json", "--rate-limit", "0/60" }, "--rate-limit must be N/SECONDS: N a whole number, 1 or more; SECONDS from 0.01 to 86400 (for example 500/120): '0/60' is not.", "databrain datasource apply")]
    [InlineData(new[] { "datasource", "apply", "--file", "x.json", "--rate-limit", "5/0" }, "--rate-limit must be N/SECONDS: N a whole number, 1 or more; SECONDS from 0.01 to 86400 (for example 500/120): '5/0' is not.", "databrain datasource apply")]
    [InlineData(new[] { "datasource", "apply", "--file", "x.json", "--prune-prefix", " " }, "--prune-prefix must not be empty: every datasource not in the file would be deleted.", "databrain datasource apply")]
    public async Task UsageError_Exits2WithTheParsersMessageAndWhereToFindHelp(string[] args, string message, string command)
    {
        var result = await CliRunner.RunAsync(_environment, args);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Equal($"error: USAGE: {message}", $"  See '{command} --help'.");
    }

    [Fact]
    public async Task NoCommand_Exits2()
    {
        var result = await CliRunner.RunAsync(_environment);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal("error: USAGE: Required command was not provided.", "  See 'databrain --help'.");
    }

    [Fact]
    public async Task UnknownCommand_Exits2ListingEveryError()
    {
        var result = await CliRunner.RunAsync(_environment, "table", "list");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal(
            "error: USAGE: Required command was not provided.",
            "  Unrecognized command or argument 'table'.",
            "  Unrecognized command or argument 'list'.",
            "  See 'databrain --help'.");
    }

    [Fact]
    public async Task UnknownSubcommand_Exits2ListingEveryError()
    {
        var result = await CliRunner.RunAsync(_environment, "datasource", "frobnicate");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal(
            "error: USAGE: Required command was not provided.",
            "  Unrecognized command or argument 'frobnicate'.",
            "  See 'databrain datasource --help'.");
    }

    [Fact]
    public async Task ProgramNameRepeated_IsAnUnknownArgument()
    {
        var result = await CliRunner.RunAsync(_environment, "databrain", "datasource", "list");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal(
            "error: USAGE: Unrecognized command or argument 'databrain'.",
            "  See 'databrain datasource list --help'.");
    }

    [Fact]
    public async Task Help_DocumentsEveryExitCode()
    {
        var result = await CliRunner.RunAsync(_environment, "--help");

        result.ExitCode.Should().Be(0);
        result.Stderr.Should().BeEmpty();
        result.Stdout.Should().ContainInOrder(
            "  Exit codes:",
            "    0    success",
            "    2    invalid input, nothing sent: usage error, unreadable or non-JSON file (INPUT_ERROR),",
            "         invalid credentials or tenancy settings (every problem listed), no service token",
            "    3    authentication failed",
            "    4    not found: no datasource with that name (update, delete) or id (sync)",
            "    5    name conflict: a datasource with that name already exists (create)",
            "    6    credential test failed: DataBrain could not connect with these credentials",
            "    7    rate limited",
            "    8    any other error answer from DataBrain",
            "    9    no answer: connection failure, timeout, or outcome unknown",
            "    10   apply: applied with failures (each listed as 'error: CODE: name: message')",
            "    1    unexpected failure (a bug in this tool)",
            "    130  interrupted");
        result.Stdout.Should().Contain("  databrain [command] [options]");
    }

    [Fact]
    public async Task Help_OfCreate_NamesItsOptions()
    {
        var result = await CliRunner.RunAsync(_environment, "datasource", "create", "--help");

        result.ExitCode.Should().Be(0);
        result.Stderr.Should().BeEmpty();
        result.Stdout.Should().ContainInOrder(
            "Usage:",
            "  databrain datasource create [options]",
            "",
            "Options:",
            "  --type <type> (REQUIRED)           The datasourceType: one of the 17 documented types (postgres, snowflake, ...) or any newer one",
            "  --credentials <file|-> (REQUIRED)  The wire-format credentials JSON object (as in DataBrain's API reference), from this file, or - for standard input",
            "  --tenancy <file|->                 The wire-format tenancySettings JSON object, from this file, or - for standard input");
    }

    [Fact]
    public async Task Help_OfApply_NamesItsOptions()
    {
        var result = await CliRunner.RunAsync(_environment, "datasource", "apply", "--help");

        result.ExitCode.Should().Be(0);
        result.Stderr.Should().BeEmpty();
        result.Stdout.Should().ContainInOrder(
            "Usage:",
            "  databrain datasource apply [options]",
            "",
            "Options:",
            "  --file <file|-> (REQUIRED)  The definitions file: a JSON array of create request bodies ({datasourceType, credentials, tenancySettings?}), secrets as ${env:NAME} or ${file:PATH}; - for standard input",
            "  --dry-run                   Print the plan and stop: only list requests are sent",
            "  --prune-prefix <prefix>     Also delete the datasources whose name starts with this prefix and that are not in the file; without it nothing is deleted",
            "  --concurrency <n>           How many creates, updates and deletes run at once [default: 4]",
            "  --rate-limit <n/seconds>    Send at most N requests in any span of SECONDS seconds, for example 500/120 (a self-hosted DataBrain's limit)");
    }

    [Fact]
    public async Task MissingToken_Exits2WithMissingToken()
    {
        _environment.Remove(CliRunner.TokenVariable);

        var result = await CliRunner.RunAsync(_environment, "datasource", "list");

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Equal("error: MISSING_TOKEN: no service token: set DATABRAIN_SERVICE_TOKEN or pass --token-file <path>.");
    }

    [Fact]
    public async Task BlankTokenVariable_CountsAsMissing()
    {
        _environment[CliRunner.TokenVariable] = "   ";

        var result = await CliRunner.RunAsync(_environment, "datasource", "sync", "id-1");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal("error: MISSING_TOKEN: no service token: set DATABRAIN_SERVICE_TOKEN or pass --token-file <path>.");
    }

    [Fact]
    public async Task EmptyTokenFile_Exits2WithMissingToken()
    {
        var tokenFile = _files.File("token", "\n");

        var result = await CliRunner.RunAsync(_environment, "datasource", "list", "--token-file", tokenFile);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal($"error: MISSING_TOKEN: the service token file '{tokenFile}' (--token-file) is empty.");
    }

    [Fact]
    public async Task UnreadableTokenFile_Exits2WithInputError()
    {
        var missing = Path.Combine(_files.Path, "no-token");

        var result = await CliRunner.RunAsync(_environment, "datasource", "list", "--token-file", missing);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal(
            $"error: INPUT_ERROR: cannot read the service token file '{missing}' (--token-file): no such file.",
            "  --token-file takes the path of a file that holds the token; or set DATABRAIN_SERVICE_TOKEN instead.");
    }

    [Fact]
    public async Task BaseUrlThatIsNotAUrl_Exits2()
    {
        _environment[CliRunner.BaseUrlVariable] = "not a url";

        var result = await CliRunner.RunAsync(_environment, "datasource", "list");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal("error: USAGE: DATABRAIN_BASE_URL 'not a url' is not an absolute URL.");
    }

    [Fact]
    public async Task PlainHttpBaseUrlOffLoopback_Exits2()
    {
        var result = await CliRunner.RunAsync(_environment, "datasource", "list", "--base-url", "http://databrain.example.com");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal(
            "error: USAGE: invalid base URL 'http://databrain.example.com/': BaseAddress must use https unless the host is loopback or AllowInsecureHttp is set.");
    }

    [Fact]
    public async Task EmptyType_Exits2()
    {
        var result = await CliRunner.RunWithStdinAsync(_environment, Samples.Postgres(), "datasource", "create", "--type", " ", "--credentials", "-");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal("error: USAGE: --type must not be empty.");
    }

    [Fact]
    public async Task BothInputsFromStandardInput_Exits2()
    {
        var result = await CliRunner.RunWithStdinAsync(
            _environment, Samples.Postgres(), "datasource", "create", "--type", "postgres", "--credentials", "-", "--tenancy", "-");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal("error: USAGE: --credentials and --tenancy cannot both read standard input.");
    }

    [Fact]
    public async Task BlankDatasourceName_Exits2()
    {
        var result = await CliRunner.RunAsync(_environment, "datasource", "delete", "  ");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal("error: USAGE: the datasource name must not be empty.");
    }

    [Fact]
    public async Task ConnectionRefused_Exits9WithConnectionError()
    {
        var port = Ports.Closed();
        _environment[CliRunner.BaseUrlVariable] = $"http://127.0.0.1:{port}/";

        var result = await CliRunner.RunAsync(_environment, "datasource", "sync", "3f2c1b7e-0000-4000-8000-000000000001");

        result.ExitCode.Should().Be(9);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Equal($"error: CONNECTION_ERROR: DataBrain sync: no response arrived (Connection refused (127.0.0.1:{port})).");
    }

    [Fact]
    public async Task Interrupted_Exits130()
    {
        using var interrupted = new CancellationTokenSource();
        await interrupted.CancelAsync();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await new DatabrainCli().RunAsync(["datasource", "list"], TextReader.Null, stdout, stderr, _environment, interrupted.Token);

        exitCode.Should().Be(130);
        stdout.ToString().Should().BeEmpty();
        stderr.ToString().Should().Be("error: CANCELLED: interrupted; a create, update or delete may or may not have been applied." + Environment.NewLine);
    }
}
