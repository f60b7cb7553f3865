using Databrain.Cli.Tests.Support;

namespace Databrain.Cli.Tests;

public sealed class ListDeleteSyncTests : EmulatorTestBase
{
    private static readonly string[] TwelveNames = [.. Enumerable.Range(1, 12).Select(i => $"ds-{i:D2}")];

    private async Task CreateTwelveAsync()
    {
        foreach (var name in TwelveNames)
        {
            await CreatePostgresAsync(name);
        }
    }

    [Fact]
    public async Task List_WithoutPage_PrintsEveryPageOneNameALine()
    {
        await CreateTwelveAsync();

        var result = await RunAsync("datasource", "list");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Equal(TwelveNames);
        result.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task List_WhenThereAreNone_PrintsNothing()
    {
        var result = await RunAsync("datasource", "list");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task List_WithPage_PrintsThatPageOnly()
    {
        await CreateTwelveAsync();

        var result = await RunAsync("datasource", "list", "--page", "2");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Equal("ds-11", "ds-12");
    }

    [Fact]
    public async Task List_WithOutputJson_PrintsEveryName()
    {
        await CreateTwelveAsync();

        var result = await RunAsync("datasource", "list", "--output", "json");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Equal(
            "{\"datasources\":[" + string.Join(",", TwelveNames.Select(n => $"{{\"name\":\"{n}\"}}")) + "]}");
    }

    [Fact]
    public async Task List_WithPageAndOutputJson_SaysWhichPageAndWhetherItIsTheLast()
    {
        await CreateTwelveAsync();

        var first = await RunAsync("datasource", "list", "--page", "1", "-o", "json");
        var second = await RunAsync("datasource", "list", "--page", "2", "-o", "json");

        first.Stdout.Select(RequestIdField.Strip).Should().Equal(
            "{\"page\":1,\"isLastPage\":false,\"datasources\":[" + string.Join(",", TwelveNames.Take(10).Select(n => $"{{\"name\":\"{n}\"}}")) + "]}");
        second.Stdout.Select(RequestIdField.Strip).Should().Equal("""{"page":2,"isLastPage":true,"datasources":[{"name":"ds-11"},{"name":"ds-12"}]}""");
    }

    [Fact]
    public async Task List_WithAWrongToken_Exits3()
    {
        var environment = Environment;
        environment[CliRunner.TokenVariable] = "not-the-token";

        var result = await CliRunner.RunAsync(environment, "datasource", "list");

        result.ShouldBeEmulatorError(3, "error: AUTHENTICATION_ERROR: Missing or invalid service token.", 401);
    }

    [Fact]
    public async Task List_WhenRateLimited_Exits7WithTheRetryAfter()
    {
        // Far above any retry cap, and every attempt limited, so no retry policy can turn this into a wait.
        Emulator.FailNextRequests(20, 429, "TOO_MANY_REQUESTS", "Rate limit exceeded.", TimeSpan.FromHours(2));

        var result = await RunAsync("datasource", "list");

        result.ShouldBeEmulatorError(7, "error: TOO_MANY_REQUESTS: Rate limit exceeded.", 429, ", retry after 7200 s");
    }

    [Fact]
    public async Task List_WhenTheServerAnswersAnUnknownCode_Exits8WithThatCode()
    {
        Emulator.FailNextRequests(1, 409, "BRAND_NEW_ERROR", "Something DataBrain added later.");

        var result = await RunAsync("datasource", "list");

        result.ShouldBeEmulatorError(8, "error: BRAND_NEW_ERROR: Something DataBrain added later.", 409);
    }

    [Fact]
    public async Task Delete_ExistingDatasource_PrintsItsId()
    {
        await CreatePostgresAsync("production-postgres");
        var id = Emulator.FindDatasource("production-postgres")!.Id;

        var result = await RunAsync("datasource", "delete", "production-postgres");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Equal($"deleted: production-postgres (id {id:D})");
        result.Stderr.Should().BeEmpty();
        Emulator.Datasources.Should().BeEmpty();
    }

    [Fact]
    public async Task Delete_WithOutputJson_PrintsNameIdAndMessage()
    {
        await CreatePostgresAsync("production-postgres");
        var id = Emulator.FindDatasource("production-postgres")!.Id;

        var result = await RunAsync("datasource", "delete", "production-postgres", "--output", "json");

        result.ExitCode.Should().Be(0);
        result.Stdout.Select(RequestIdField.Strip).Should().Equal($$"""{"name":"production-postgres","id":"{{id:D}}","message":"Datasource deleted successfully"}""");
    }

    [Fact]
    public async Task Delete_WhenNoDatasourceHasTheName_Exits4()
    {
        var result = await RunAsync("datasource", "delete", "nothing-here");

        result.ShouldBeEmulatorError(4, "error: DATASOURCE_NAME_ERROR: No datasource has this name.", 400);
    }

    [Fact]
    public async Task Delete_WhenTheDatasourceIsInUse_Exits8()
    {
        await CreatePostgresAsync("production-postgres");
        Emulator.SetInUse("production-postgres", inUse: true);

        var result = await RunAsync("datasource", "delete", "production-postgres");

        result.ShouldBeEmulatorError(8, "error: DATASOURCE_IN_USE: The datasource is used by other resources and cannot be deleted.", 400);
        Emulator.Datasources.Should().ContainSingle();
    }

    [Fact]
    public async Task Sync_ExistingDatasource_PrintsTheServersMessage()
    {
        await CreatePostgresAsync("production-postgres");
        var id = Emulator.FindDatasource("production-postgres")!.Id.ToString("D");

        var result = await RunAsync("datasource", "sync", id);

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Equal($"synced: {id} (Sync completed)");
        result.Stderr.Should().BeEmpty();
        Emulator.FindDatasource("production-postgres")!.SyncCount.Should().Be(1);
    }

    [Fact]
    public async Task Sync_WithOutputJson_PrintsIdAndMessage()
    {
        await CreatePostgresAsync("production-postgres");
        var id = Emulator.FindDatasource("production-postgres")!.Id.ToString("D");

        var result = await RunAsync("datasource", "sync", id, "-o", "json");

        result.ExitCode.Should().Be(0);
        result.Stdout.Select(RequestIdField.Strip).Should().Equal($$"""{"datasourceId":"{{id}}","message":"Sync completed"}""");
    }

    [Fact]
    public async Task Sync_WhenNoDatasourceHasTheId_Exits4()
    {
        var result = await RunAsync("datasource", "sync", Guid.NewGuid().ToString("D"));

        result.ShouldBeEmulatorError(4, "error: DATASOURCE_ID_ERROR: No datasource has this id.", 400);
    }

    [Fact]
    public async Task Sync_WithAnIdThatIsNotAUuid_Exits4()
    {
        var result = await RunAsync("datasource", "sync", "production-postgres");

        result.ShouldBeEmulatorError(4, "error: DATASOURCE_ID_ERROR: The datasource id is not a valid UUID.", 400);
    }
}
