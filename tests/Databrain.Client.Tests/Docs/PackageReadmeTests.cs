using System.Text.RegularExpressions;

namespace Databrain.Client.Tests.Docs;

/// <summary>
/// The READMEs packed into the packages (shown on the package page, where a relative link such as
/// docs/errors.md leads nowhere) link only to absolute addresses, and the SDK's shows the README's compiled code.
/// .ci/run checks that these are the files the packages really hold.
/// </summary>
public sealed partial class PackageReadmeTests
{
    public static TheoryData<string> PackedReadmes => new()
    {
        "src/Databrain.Client/README.md",
        "src/Databrain.Emulator/README.md",
        "samples/Databrain.Cli/README.md", // the dotnet tool's package
    };

    [Theory]
    [MemberData(nameof(PackedReadmes))]
    public void PackedReadme_HasNoRelativeLink(string path)
    {
        var readme = RepositoryFiles.Read(path.Split('/'));

        RelativeLinks(readme).Should().BeEmpty($"{path} is shown on a package page, where only absolute links work");
    }

    [Fact]
    public void RelativeLinks_FindsTheRepositoryReadmesLinks_WhichIsWhyItIsNotPacked()
    {
        RelativeLinks(RepositoryFiles.Read("README.md")).Should().Contain(["docs/errors.md", "src/Databrain.Emulator/README.md", "LICENSE"]);
        RelativeLinks("[a](https://example.com/x) ![b](img.png) <a href=\"docs/x.md\">c</a>\n[d]: ../y.md\n[e](#part)")
            .Should().Equal("img.png", "docs/x.md", "../y.md", "#part");
    }

    [Theory]
    [InlineData("create-client")]
    [InlineData("create-and-list")]
    public void ClientPackageReadme_ShowsTheCompiledSnippet(string region)
    {
        var readme = RepositoryFiles.Read("src", "Databrain.Client", "README.md");

        readme.Should().Contain(SnippetRegions.Read("ReadmeSnippets.cs")[region]);
    }

    private static List<string> RelativeLinks(string markdown) =>
        [.. LinkPattern().Matches(markdown).Select(m => m.Groups["url"].Value).Where(url => !AbsolutePattern().IsMatch(url))];

    // Markdown inline links and images, reference definitions, and HTML href/src attributes (as .ci/check-packages.py reads them).
    [GeneratedRegex(@"\]\(\s*<?(?<url>[^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(?<url>[^\s>]+)|(?:href|src)\s*=\s*[""'](?<url>[^""']+)", RegexOptions.Multiline)]
    private static partial Regex LinkPattern();

    [GeneratedRegex("^(https?|mailto):", RegexOptions.IgnoreCase)]
    private static partial Regex AbsolutePattern();
}
