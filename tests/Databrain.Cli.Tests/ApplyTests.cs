using System.Diagnostics;
using System.Text.RegularExpressions;
using Databrain.Cli.Tests.Support;
using Databrain.Client;
using Databrain.Emulator;

namespace Databrain.Cli.Tests;

/// <summary><c>datasource apply</c> against the emulator: the plan, what is sent, the output and the exit codes.</summary>
public sealed class ApplyTests : EmulatorTestBase
{
    private const string Uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private const string NewPassword = "new-password-Qx81";

    private static string Postgres(string name, string password = Samples.Password) =>
        $$"""{"datasourceType": "postgres", "credentials": {{Samples.Postgres(name, password)}}}""";

    private static string MySql(string name, string password = "${env:MYSQL_PASSWORD}") =>
        $$$"""{"datasourceType": "mysql", "credentials": {"name": "{{{name}}}", "host": "mysql.example.com", "port": 3306, "user": "app", "password": "{{{password}}}"}}""";

    [Fact]
    public async Task DryRun_SendsOnlyTheListRequests_AndPrintsThePlanDeletesFirst()
    {
        // 12 datasources: the listing takes two pages (10, then 2), so exactly two list requests.
        await SeedAsync([.. Enumerable.Range(1, 10).Select(i => $"other-{i:D2}"), "team-keep", "team-old"]);
        var file = Files.File("datasources.json", $"[{Postgres("team-keep", NewPassword)}, {MySql("team-new", "shop-password-1")}]");
        var before = Emulator.Requests.Count;

        var result = await RunAsync("datasource", "apply", "--file", file, "--dry-run", "--prune-prefix", "team-");

        result.ExitCode.Should().Be(0, result.AllOutput);
        result.Stdout.Should().Equal(
            "NAME       TYPE      ACTION",
            "team-old   -         delete",
            "team-keep  postgres  update",
            "team-new   mysql     create",
            "plan: 1 to create, 1 to update, 1 to delete (prune prefix \"team-\"); dry run, nothing applied.");
        result.Stderr.Should().BeEmpty();
        Emulator.Requests.Skip(before).Select(r => r.Operation).Should().Equal(EmulatorOperation.List, EmulatorOperation.List);
        Emulator.FindDatasource("team-old").Should().NotBeNull();
        Emulator.FindDatasource("team-new").Should().BeNull();
        Emulator.FindDatasource("team-keep")!.Credentials.GetProperty("password").GetString().Should().Be(Samples.Password);
    }

    [Fact]
    public async Task Apply_UpdatesWhatExistsAndCreatesTheRest_WithoutAPrunePrefixDeletesNothing()
    {
        await SeedAsync(["team-keep", "team-old"]);
        var file = Files.File("datasources.json", $"[{Postgres("team-keep", NewPassword)}, {MySql("team-new")}]");
        var environment = Environment;
        environment["MYSQL_PASSWORD"] = "mysql-password-Jr55";

        var result = await CliRunner.RunAsync(environment, "datasource", "apply", "--file", file, "--concurrency", "1");

        result.ExitCode.Should().Be(0, result.AllOutput);
        result.Stdout.Should().HaveCount(7);
        result.Stdout.Take(3).Should().Equal(
            "plan: 1 to create, 1 to update, 0 to delete (no prune prefix: nothing is deleted).",
            "[1/2] updated team-keep",
            "[2/2] created team-new");
        result.Stdout[3].Should().Be("NAME       TYPE      ACTION  OUTCOME  REQUEST ID");
        result.Stdout[4].Should().MatchRegex($"^team-keep  postgres  update  updated  {Uuid}$");
        result.Stdout[5].Should().MatchRegex($"^team-new   mysql     create  created  {Uuid}$");
        result.Stdout[6].Should().Be("applied: 2 succeeded, 0 failed.");
        result.Stderr.Should().BeEmpty();
        Emulator.FindDatasource("team-keep")!.Credentials.GetProperty("password").GetString().Should().Be(NewPassword);
        Emulator.FindDatasource("team-new")!.Credentials.GetProperty("password").GetString().Should().Be("mysql-password-Jr55");
        Emulator.FindDatasource("team-old").Should().NotBeNull("without --prune-prefix nothing is ever deleted");
    }

    [Fact]
    public async Task Apply_WithAPrunePrefix_DeletesOnlyUnderIt()
    {
        await SeedAsync(["team-keep", "team-old", "team-older", "other-old", "Team-old"]);
        var file = Files.File("datasources.json", $"[{Postgres("team-keep")}]");

        var result = await RunAsync("datasource", "apply", "--file", file, "--prune-prefix", "team-", "--concurrency", "1");

        result.ExitCode.Should().Be(0, result.AllOutput);
        result.Stdout[0].Should().Be("plan: 0 to create, 1 to update, 2 to delete (prune prefix \"team-\").");
        result.Stdout.Skip(4).Take(4).Select(line => Regex.Replace(line, Uuid, "ID")).Should().Equal(
            "NAME        TYPE      ACTION  OUTCOME  REQUEST ID",
            "team-old    -         delete  deleted  ID",
            "team-older  -         delete  deleted  ID",
            "team-keep   postgres  update  updated  ID");
        Emulator.Datasources.Select(d => d.Name).Should().BeEquivalentTo("team-keep", "other-old", "Team-old");
    }

    [Fact]
    public async Task Apply_WhenStepsFail_Exits10ListingEachFailureOnStandardError()
    {
        await SeedAsync(["team-keep", "team-used"]);
        Emulator.SetInUse("team-used", inUse: true);
        Emulator.SetConnectionProbe("mysql", ConnectionProbeMode.Reject);
        var file = Files.File("datasources.json", $"[{MySql("team-new", "shop-password-1")}, {Postgres("team-keep")}]");

        var result = await RunAsync("datasource", "apply", "--file", file, "--prune-prefix", "team-", "--concurrency", "1");

        result.ExitCode.Should().Be(ExitCodes.AppliedWithFailures, result.AllOutput);
        result.Stderr.Should().Equal(
            "error: DATASOURCE_IN_USE: team-used: The datasource is used by other resources and cannot be deleted.",
            "error: CREDENTIAL_TEST_FAILED: team-new: Credential test failed: the emulator is configured to reject connections for this datasource type.");
        result.Stdout.Skip(1).Take(3).Should().Equal(
            "[1/3] failed team-new (CREDENTIAL_TEST_FAILED)",
            "[2/3] updated team-keep",
            "[3/3] failed team-used (DATASOURCE_IN_USE)");
        result.Stdout.Skip(4).Select(line => Regex.Replace(line, Uuid, "ID")).Should().Equal(
            "NAME       TYPE      ACTION  OUTCOME  REQUEST ID",
            "team-used  -         delete  failed   ID",
            "team-new   mysql     create  failed   ID",
            "team-keep  postgres  update  updated  ID",
            "applied: 1 succeeded, 2 failed.");
        Emulator.FindDatasource("team-used").Should().NotBeNull();
    }

    [Fact]
    public async Task Apply_AnInvalidFile_Exits2ListingEveryProblemAndSendsNothing()
    {
        var file = Files.File(
            "datasources.json",
            $$$"""
            [
              {"datasourceType": "postgress", "credentials": {"name": "a"}},
              {{{MySql("b")}}},
              {{{Postgres("c", "${file:missing.txt}")}}},
              {{{Postgres("c")}}}
            ]
            """);

        var result = await RunAsync("datasource", "apply", "--file", file);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Equal(
            "error: VALIDATION_ERROR: the definitions file is invalid (4 problems); nothing was sent.",
            "  [0].datasourceType: unknown type \"postgress\"; did you mean \"postgres\"?",
            "  [1].credentials.password: refers to the environment variable MYSQL_PASSWORD, which is not set.",
            $"  [2].credentials.password: refers to the file \"missing.txt\" ({Path.Combine(Files.Path, "missing.txt")}), which does not exist.",
            "  [3].credentials.name: is the same as [2].credentials.name; each name must appear once (names are case-sensitive).");
        Emulator.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_AFileThatIsNotJson_Exits2WithInputErrorAndSendsNothing()
    {
        var file = Files.File("datasources.json", $"[\n{Postgres("a")},\n");

        var result = await RunAsync("datasource", "apply", "--file", file);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal(
            $"error: INPUT_ERROR: --file file '{file}' is not valid JSON at line 11, column 1: it ends before the JSON is complete.");
        Emulator.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_AMissingFile_Exits2WithInputError()
    {
        var missing = Path.Combine(Files.Path, "missing.json");

        var result = await RunAsync("datasource", "apply", "--file", missing);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().ContainSingle().Which.Should().StartWith($"error: INPUT_ERROR: cannot read --file file '{missing}': ");
        Emulator.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_FromStandardInput_ResolvesEnvironmentReferencesFromTheToolsEnvironment()
    {
        var environment = Environment;
        environment["MYSQL_PASSWORD"] = "from-the-environment";

        var result = await CliRunner.RunWithStdinAsync(environment, $"[{MySql("shop")}]", "datasource", "apply", "--file", "-");

        result.ExitCode.Should().Be(0, result.AllOutput);
        Emulator.FindDatasource("shop")!.Credentials.GetProperty("password").GetString().Should().Be("from-the-environment");
    }

    [Fact]
    public async Task Apply_WhenTheListingFails_ExitsWithThatFailuresCodeAndSendsNothingElse()
    {
        var environment = Environment;
        environment[CliRunner.TokenVariable] = "not-the-token";
        var file = Files.File("datasources.json", $"[{Postgres("a")}]");

        var result = await CliRunner.RunAsync(environment, "datasource", "apply", "--file", file);

        result.ShouldBeEmulatorError(3, "error: AUTHENTICATION_ERROR: Missing or invalid service token.", 401);
        Emulator.Requests.Select(r => r.Operation).Should().Equal(EmulatorOperation.List);
    }

    [Fact]
    public async Task DryRun_WithOutputJson_PrintsThePlanAsOneDocument()
    {
        await SeedAsync(["team-keep", "team-old"]);
        var file = Files.File("datasources.json", $"[{Postgres("team-keep")}, {MySql("team-new", "shop-password-1")}]");

        var result = await RunAsync("datasource", "apply", "--file", file, "--dry-run", "--prune-prefix", "team-", "-o", "json");

        result.ExitCode.Should().Be(0, result.AllOutput);
        result.Stdout.Should().Equal(
            """{"dryRun":true,"prunePrefix":"team-","steps":[{"name":"team-old","type":null,"action":"delete"},""" +
            """{"name":"team-keep","type":"postgres","action":"update"},{"name":"team-new","type":"mysql","action":"create"}]}""");
        result.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_WithOutputJson_PrintsEachStepsOutcomeInOneDocument()
    {
        await SeedAsync(["team-used"]);
        Emulator.SetInUse("team-used", inUse: true);
        var file = Files.File("datasources.json", $"[{Postgres("team-new")}]");

        var result = await RunAsync("datasource", "apply", "--file", file, "--prune-prefix", "team-", "-o", "json");

        result.ExitCode.Should().Be(ExitCodes.AppliedWithFailures, result.AllOutput);
        result.Stdout.Should().ContainSingle();
        Regex.Replace(result.Stdout[0], Uuid, "ID").Should().Be(
            """{"dryRun":false,"prunePrefix":"team-","succeeded":1,"failed":1,"canceled":0,"notStarted":0,"steps":[""" +
            """{"name":"team-used","type":null,"action":"delete","outcome":"failed","requestId":"ID","error":""" +
            """{"code":"DATASOURCE_IN_USE","message":"The datasource is used by other resources and cannot be deleted."}},""" +
            """{"name":"team-new","type":"postgres","action":"create","outcome":"created","requestId":"ID","error":null}]}""");
        result.Stderr.Should().Equal("error: DATASOURCE_IN_USE: team-used: The datasource is used by other resources and cannot be deleted.");
    }

    [Fact]
    public async Task Apply_OnATerminal_ShowsOneLiveProgressLineAndClearsIt()
    {
        var file = Files.File("datasources.json", $"[{Postgres("pg")}]");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await new DatabrainCli { IsTerminal = true }.RunAsync(
            ["datasource", "apply", "--file", file], TextReader.Null, stdout, stderr, Environment);

        exitCode.Should().Be(0, stderr.ToString());
        var text = Regex.Replace(stdout.ToString().Replace(System.Environment.NewLine, "\n", StringComparison.Ordinal), Uuid, "ID");
        text.Should().Be(
            "plan: 1 to create, 0 to update, 0 to delete (no prune prefix: nothing is deleted).\n" +
            "\rapplying: 1/1 done, 0 failed" + "\r" + new string(' ', 28) + "\r" +
            "NAME  TYPE      ACTION  OUTCOME  REQUEST ID\n" +
            "pg    postgres  create  created  ID\n" +
            "applied: 1 succeeded, 0 failed.\n");
    }

    [Fact]
    public async Task Apply_WhenInterrupted_PrintsWhatRanAndExits130()
    {
        using var interrupt = new CancellationTokenSource();
        Emulator.SetConnectionProbe("postgres", new CancelingProbe(interrupt));
        var file = Files.File("datasources.json", $"[{Postgres("a")}, {Postgres("b")}]");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await new DatabrainCli().RunAsync(
            ["datasource", "apply", "--file", file, "--concurrency", "1"], TextReader.Null, stdout, stderr, Environment, interrupt.Token);

        exitCode.Should().Be(ExitCodes.Cancelled, stderr.ToString());
        stdout.ToString().Split(System.Environment.NewLine).Should().Equal(
            "plan: 2 to create, 0 to update, 0 to delete (no prune prefix: nothing is deleted).",
            "[1/2] canceled a",
            "NAME  TYPE      ACTION  OUTCOME      REQUEST ID",
            "a     postgres  create  canceled     -",
            "b     postgres  create  not started  -",
            "applied: 0 succeeded, 0 failed, 1 canceled (may or may not have taken effect), 1 not started.",
            "");
        stderr.ToString().Should().Be(
            "error: CANCELLED: interrupted; a create, update or delete may or may not have been applied." + System.Environment.NewLine);
        Emulator.Datasources.Should().BeEmpty("a was cut off before its connection test passed, and b never started");
    }

    [Fact]
    public async Task Apply_WithARateLimit_SpacesTheRequests()
    {
        var file = Files.File("datasources.json", $"[{Postgres("a")}, {Postgres("b")}]");
        var stopwatch = Stopwatch.StartNew();

        // One permit per 250 ms, given back 250 ms after each answer: the list and two creates take at least 500 ms.
        var result = await RunAsync("datasource", "apply", "--file", file, "--rate-limit", "1/0.25");

        stopwatch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(500));
        result.ExitCode.Should().Be(0, result.AllOutput);
        Emulator.Requests.Select(r => r.Operation).Should().Equal(EmulatorOperation.List, EmulatorOperation.Create, EmulatorOperation.Create);
    }

    [Fact]
    public async Task Apply_WithAnUnknownType_SaysItIsSentAsItIs()
    {
        var file = Files.File("datasources.json", """[{"datasourceType": "cockroachdb", "credentials": {"name": "crdb", "dsn": "x"}}]""");

        var result = await RunAsync("datasource", "apply", "--file", file, "--dry-run");

        result.ExitCode.Should().Be(0, result.AllOutput);
        result.Stderr.Should().Equal("note: \"cockroachdb\" (crdb) is not a datasource type this SDK knows; sending its fields as they are.");
        result.Stdout.Should().Equal(
            "NAME  TYPE         ACTION",
            "crdb  cockroachdb  create",
            "plan: 1 to create, 0 to update, 0 to delete (no prune prefix: nothing is deleted); dry run, nothing applied.");
    }

    private async Task SeedAsync(IEnumerable<string> names)
    {
        var client = new DatabrainClient(new DatabrainClientOptions { BaseAddress = Emulator.BaseAddress, ServiceToken = Emulator.ServiceToken });
        foreach (var name in names)
        {
            await client.CreateDatasourceAsync(ApiServer.Postgres(name));
        }
    }
}
