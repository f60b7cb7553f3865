using Databrain.Samples.Snippets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Databrain.Client.Tests.Contract;

/// <summary>The README shows code that compiles (samples/Databrain.Samples.Snippets) and works.</summary>
public sealed class ReadmeSnippetTests : EmulatorFixture
{
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

        var first = new StringWriter();
        var second = new StringWriter();

        await ReadmeSnippets.CreateAndListAsync(client, "pw-1", first);
        await ReadmeSnippets.CreateAndListAsync(client, "pw-2", second);

        first.ToString().Should().MatchRegex(
            "^created production-postgres, request id [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" + Environment.NewLine +
            "production-postgres" + Environment.NewLine + "$");
        second.ToString().Should().Be("production-postgres" + Environment.NewLine, "the second run updates: nothing is created");
        Emulator.FindDatasource("production-postgres")!.Credentials.GetProperty("password").GetString().Should().Be("pw-2");
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
}
