namespace Databrain.Cli.Tests.Support;

/// <summary>The error a server answer prints: <c>error: CODE: message</c>, then the status and the emulator's request id.</summary>
public static class ErrorLines
{
    /// <summary>The detail line, whose request id the emulator makes up (a random UUID); <paramref name="suffix"/> follows the id.</summary>
    public static string EmulatorDetailPattern(int status, string suffix = "") =>
        $"^  HTTP {status}, request id [0-9a-f]{{8}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{12}}{suffix}$";

    /// <summary>Exactly: the exit code, nothing on standard output, the error line, then the detail line.</summary>
    public static void ShouldBeEmulatorError(this CliResult result, int exitCode, string errorLine, int status, string suffix = "")
    {
        result.ExitCode.Should().Be(exitCode, result.AllOutput);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().HaveCount(2);
        result.Stderr[0].Should().Be(errorLine);
        result.Stderr[1].Should().MatchRegex(EmulatorDetailPattern(status, suffix));
    }
}
