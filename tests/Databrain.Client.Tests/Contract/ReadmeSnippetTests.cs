using Databrain.Samples.Snippets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Databrain.Client.Tests.Contract;

/// <summary>The README shows code that compiles (samples/Databrain.Samples.Snippets) and works.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ReadmeSnippetTests : EmulatorFixture
{
    private const string Uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    public static TheoryData<string> Regions => [.. ReadRegions().Keys];

    [Theory]
    [MemberData(nameof(Regions))]
    public void EveryRegion_AppearsVerbatimInTheReadme(string region)
    {
        var readme = RepositoryFiles.Read("README.md");

        readme.Should().Contain(ReadRegions()[region], $"README.md must show region '{region}' of ReadmeSnippets.cs as it compiles");
    }

    [Fact]
    public async Task CreateAndList_Runs_AndIsSafeToRunTwice()
    {
        var client = ReadmeSnippets.CreateClient(Emulator.BaseAddress, Emulator.ServiceToken);

        var first = await CaptureConsoleAsync(() => ReadmeSnippets.CreateAndListAsync(client, "pw-1"));
        var second = await CaptureConsoleAsync(() => ReadmeSnippets.CreateAndListAsync(client, "pw-2"));

        first.Should().MatchRegex(
            "^created production-postgres \\(request id " + Uuid + "\\)" + Environment.NewLine +
            "production-postgres" + Environment.NewLine + "$");
        second.Should().MatchRegex(
            "^updated production-postgres \\(request id " + Uuid + "\\)" + Environment.NewLine +
            "production-postgres" + Environment.NewLine + "$",
            "the second run updates: nothing is created");
        Emulator.FindDatasource("production-postgres")!.Credentials.GetProperty("password").GetString().Should().Be("pw-2");
    }

    [Fact]
    public async Task DesiredState_AppliesTheFile_AndPrunesOnlyUnderThePrefix()
    {
        var client = ReadmeSnippets.CreateClient(Emulator.BaseAddress, Emulator.ServiceToken);
        await client.CreateDatasourceAsync(ApiServer.Postgres("team-a-old"));
        await client.CreateDatasourceAsync(ApiServer.Postgres("team-b-db"));
        var file = Path.Combine(Path.GetTempPath(), $"readme-definitions-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            [{"datasourceType": "postgres", "credentials": {"name": "team-a-analytics", "host": "db.example.com", "port": 5432,
              "username": "dbuser", "password": "securepassword", "database": "analytics", "schema": "public"}}]
            """);
        try
        {
            var result = await ReadmeSnippets.ApplyAsync(client, file);

            result.IsSuccess.Should().BeTrue();
            result.Outcomes.Select(o => o.Step.ToString()).Should().Equal("create team-a-analytics", "delete team-a-old");
            Emulator.Datasources.Select(d => d.Name).Should().BeEquivalentTo("team-a-analytics", "team-b-db");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task DependencyInjection_Works()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Databrain:BaseAddress"] = Emulator.BaseAddress.ToString(),
            ["Databrain:ServiceToken"] = Emulator.ServiceToken,
        }).Build();

        var client = ReadmeSnippets.Register(configuration).GetRequiredService<DatabrainClient>();

        (await client.GetDatasourcePageAsync(1)).Items.Should().BeEmpty();
    }

    private static Dictionary<string, string> ReadRegions() => SnippetRegions.Read("ReadmeSnippets.cs");

    private static async Task<string> CaptureConsoleAsync(Func<Task> run)
    {
        var original = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            await run();
        }
        finally
        {
            Console.SetOut(original);
        }

        return captured.ToString();
    }
}
