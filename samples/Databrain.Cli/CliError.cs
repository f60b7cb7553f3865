namespace Databrain.Cli;

/// <summary>A failure as the user sees it: the exit code, the <c>error: CODE: message</c> line and any detail lines.</summary>
/// <param name="ExitCode">One of <see cref="ExitCodes"/>.</param>
/// <param name="Code">The server's error code, or one of <see cref="CliErrorCodes"/>.</param>
/// <param name="Message">One line of explanation.</param>
/// <param name="Details">Further lines (every validation problem, the HTTP status and request id), printed indented.</param>
internal sealed record CliError(int ExitCode, string Code, string Message, IReadOnlyList<string> Details)
{
    public CliError(int exitCode, string code, string message)
        : this(exitCode, code, message, [])
    {
    }
}
