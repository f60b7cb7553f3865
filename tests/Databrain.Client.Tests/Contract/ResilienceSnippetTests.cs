namespace Databrain.Client.Tests.Contract;

/// <summary>docs/resilience.md shows code that compiles (samples/Databrain.Samples.Snippets/ResilienceSnippets.cs).</summary>
public sealed class ResilienceSnippetTests
{
    public static TheoryData<string> Regions => [.. SnippetRegions.Read("ResilienceSnippets.cs").Keys];

    [Theory]
    [MemberData(nameof(Regions))]
    public void EveryRegion_AppearsVerbatimInTheResilienceDoc(string region)
    {
        var doc = RepositoryFiles.Read("docs", "resilience.md");

        doc.Should().Contain(SnippetRegions.Read("ResilienceSnippets.cs")[region],
            $"docs/resilience.md must show region '{region}' of ResilienceSnippets.cs as it compiles");
    }

    [Fact]
    public void TheSnippetFile_HasTheFourRegionsTheDocShows() =>
        SnippetRegions.Read("ResilienceSnippets.cs").Keys.Should().BeEquivalentTo("outcome-unknown", "configure-in-code", "rate-limit", "replace-pipeline");
}
