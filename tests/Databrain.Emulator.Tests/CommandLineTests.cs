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

    [Fact]
    public void NoRateLimitUnlessAsked()
    {
        EmulatorCommandLine.TryParse([], null, out var line, out _).Should().BeTrue();
        line!.RateLimit.Should().BeNull();
    }

    [Theory]
    [InlineData("--rate-limit", "500/120", 500, 120)]
    [InlineData("--rate-limit=20/2", null, 20, 2)]
    [InlineData("--rate-limit", "1/1", 1, 1)]
    public void RateLimitIsReadAsRequestsPerSeconds(string argument, string? value, int permitLimit, int seconds)
    {
        string[] args = value is null ? [argument] : [argument, value];

        EmulatorCommandLine.TryParse(args, null, out var line, out _).Should().BeTrue();
        line!.RateLimit.Should().Be((permitLimit, TimeSpan.FromSeconds(seconds)));
        line.ToString().Should().Contain($"RateLimit = {permitLimit}/{seconds}");
    }

    [Theory]
    [InlineData("0/120")]
    [InlineData("500/0")]
    [InlineData("500")]
    [InlineData("500/")]
    [InlineData("/120")]
    [InlineData("500/120/1")]
    [InlineData("-5/120")]
    [InlineData("500/1.5")]
    [InlineData("a/b")]
    public void ABadRateLimitIsReported_WithTheExpectedForm(string value)
    {
        EmulatorCommandLine.TryParse(["--rate-limit", value], null, out _, out var error).Should().BeFalse();
        error.Should().Be($"--rate-limit needs <n>/<seconds>, two whole numbers of at least 1, for example 500/120; got '{value}'.");
    }

    [Theory]
    [InlineData("--port")]
    [InlineData("--urls")]
    [InlineData("--token")]
    [InlineData("--token=")]
    [InlineData("--rate-limit")]
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
        EmulatorCommandLine.Usage.Should().Contain("--urls").And.Contain("--token").And.Contain(EmulatorCommandLine.TokenVariable)
            .And.Contain("--rate-limit <n>/<seconds>").And.Contain("500/120");
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
