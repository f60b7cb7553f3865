using Databrain.Cli.Tests.Support;

namespace Databrain.Cli.Tests;

/// <summary>
/// The ways a newcomer gets the service token wrong: as a flag value, or as a --token-file that cannot be read.
/// Each error names what works, and none repeats a value that may be the token.
/// </summary>
public sealed class TokenOptionTests : IDisposable
{
    private const string PastedToken = "dbn_live_pasted0123456789";

    private readonly TempDirectory _files = new();

    // Nothing listens here: a test that wrongly sent a request would fail with exit 9, not pass.
    private readonly Dictionary<string, string?> _environment =
        CliRunner.Environment(new Uri($"http://127.0.0.1:{Ports.Closed()}/"), token: null);

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("--token", new[] { "datasource", "list", "--token", PastedToken })]
    [InlineData("--token", new[] { "--token", PastedToken, "datasource", "list" })]
    [InlineData("--token", new[] { "datasource", "list", "--token=" + PastedToken })]
    [InlineData("--token", new[] { "datasource", "delete", "production-postgres", "--token:" + PastedToken })]
    [InlineData("--service-token", new[] { "datasource", "list", "--service-token", PastedToken })]
    [InlineData("--api-key", new[] { "datasource", "sync", "id-1", "--api-key", PastedToken })]
    public async Task TokenAsAFlag_Exits2NamingTheTokenFileAndTheVariable_WithoutRepeatingTheValue(string flag, string[] args)
    {
        var result = await CliRunner.RunAsync(_environment, args);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Equal(
            $"error: USAGE: there is no {flag} option: the service token is never a flag value (it would sit in shell history and in 'ps' output).",
            "  Set DATABRAIN_SERVICE_TOKEN, or pass --token-file <path> naming a file that holds the token.",
            "  See 'databrain --help'.");
    }

    [Fact]
    public async Task TokenAsAFlag_WithAnotherMistake_StillNeverEchoesTheValue()
    {
        var result = await CliRunner.RunAsync(_environment, "datasource", "frobnicate", "--token", PastedToken);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().HaveElementAt(0, "error: USAGE: there is no --token option: the service token is never a flag value (it would sit in shell history and in 'ps' output).");
        string.Join('\n', result.Stderr).Should().NotContain(PastedToken);
    }

    [Fact]
    public async Task TokenFileOption_IsNotMistakenForTheTokenFlag()
    {
        var tokenFile = _files.File("token", "\n");

        var result = await CliRunner.RunAsync(_environment, "datasource", "list", "--token-file", tokenFile);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal($"error: MISSING_TOKEN: the service token file '{tokenFile}' (--token-file) is empty.");
    }

    [Fact]
    public async Task TokenFileThatIsADirectory_SaysSo()
    {
        var result = await CliRunner.RunAsync(_environment, "datasource", "list", "--token-file", _files.Path);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal($"error: INPUT_ERROR: cannot read the service token file '{_files.Path}' (--token-file): it is a directory, not a file.");
    }

    [Fact]
    public async Task TokenFileInAMissingDirectory_SaysWhichDirectoryPartIsMissing()
    {
        var missing = Path.Combine(_files.Path, "no-such-directory", "token");

        var result = await CliRunner.RunAsync(_environment, "datasource", "list", "--token-file", missing);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal(
            $"error: INPUT_ERROR: cannot read the service token file '{missing}' (--token-file): no such directory.",
            "  --token-file takes the path of a file that holds the token; or set DATABRAIN_SERVICE_TOKEN instead.");
    }

    [Fact]
    public async Task TokenFileWithAnUnexpandedTilde_SaysToWriteThePathOut()
    {
        var result = await CliRunner.RunAsync(_environment, "datasource", "list", "--token-file=~/no-such-databrain-token");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal(
            $"error: INPUT_ERROR: cannot read the service token file '{Path.GetFullPath("~/no-such-databrain-token")}' (--token-file): " +
            "no such directory ('~' is expanded by the shell only at the start of a word: write the path out).",
            "  --token-file takes the path of a file that holds the token; or set DATABRAIN_SERVICE_TOKEN instead.");
    }

    [Fact]
    public async Task TokenPastedAsTheTokenFile_IsNotRepeated()
    {
        var result = await CliRunner.RunAsync(_environment, "datasource", "list", "--token-file", PastedToken);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal(
            $"error: INPUT_ERROR: cannot read the service token file (--token-file): the current directory, {Environment.CurrentDirectory}, has no file of that name.",
            "  --token-file takes the path of a file that holds the token; or set DATABRAIN_SERVICE_TOKEN instead. (The value is not repeated here, in case it is the token.)");
    }
}
