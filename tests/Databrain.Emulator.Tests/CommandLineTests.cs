using Databrain.Emulator.Cli;

namespace Databrain.Emulator.Tests;

/// <summary>The standalone server's arguments.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void UrlsAndTokenAreRead()
    {
        EmulatorCommandLine.TryParse(["--urls", "http://127.0.0.1:5080", "--token", "abc"], null, out var line, out _).Should().BeTrue();
        line!.Urls.Should().Be("http://127.0.0.1:5080");
        line.Token.Should().Be("abc");
        line.AcceptAllConnections.Should().BeFalse();
    }

    [Fact]
    public void EqualsFormIsRead()
    {
        EmulatorCommandLine.TryParse(["--urls=http://localhost:6000", "--token=t=1", "--accept-all-connections"], null, out var line, out _).Should().BeTrue();
        line!.Urls.Should().Be("http://localhost:6000");
        line.Token.Should().Be("t=1");
        line.AcceptAllConnections.Should().BeTrue();
    }

    [Fact]
    public void TokenComesFromTheEnvironmentWhenNotGiven()
    {
        EmulatorCommandLine.TryParse([], "from-env", out var line, out _).Should().BeTrue();
        line!.Token.Should().Be("from-env");
        line.Urls.Should().Be(EmulatorCommandLine.DefaultUrls);
    }

    [Fact]
    public void TheArgumentWinsOverTheEnvironment()
    {
        EmulatorCommandLine.TryParse(["--token", "from-arg"], "from-env", out var line, out _).Should().BeTrue();
        line!.Token.Should().Be("from-arg");
    }

    [Fact]
    public void NoTokenAnywhereMeansGenerate()
    {
        EmulatorCommandLine.TryParse([], "  ", out var line, out _).Should().BeTrue();
        line!.Token.Should().BeNull();
    }

    [Theory]
    [InlineData("--port")]
    [InlineData("--urls")]
    [InlineData("--token")]
    [InlineData("--token=")]
    public void BadArgumentsAreReported(string argument)
    {
        EmulatorCommandLine.TryParse([argument], null, out _, out var error).Should().BeFalse();
        error.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void HelpIsRecognised()
    {
        EmulatorCommandLine.TryParse(["--help"], null, out var line, out _).Should().BeTrue();
        line!.ShowHelp.Should().BeTrue();
        EmulatorCommandLine.Usage.Should().Contain("--urls").And.Contain("--token").And.Contain(EmulatorCommandLine.TokenVariable);
    }

    [Fact]
    public void ToStringMasksTheToken()
    {
        EmulatorCommandLine.TryParse(["--token", "very-secret"], null, out var line, out _).Should().BeTrue();
        line!.ToString().Should().NotContain("very-secret").And.Contain("***");
    }

    [Fact]
    public void GeneratedTokensAreRandom()
    {
        var tokens = Enumerable.Range(0, 20).Select(_ => DatabrainEmulator.GenerateServiceToken()).ToList();
        tokens.Should().OnlyHaveUniqueItems();
        tokens.Should().AllSatisfy(token => token.Should().MatchRegex("^dbemu_[0-9a-f]{32}$"));
    }
}
