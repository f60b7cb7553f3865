namespace Databrain.Cli;

/// <summary>A failure found by the tool itself before anything was sent (a missing token, an unreadable file).</summary>
internal sealed class CliFailure : Exception
{
    public CliFailure(CliError error)
        : base(error.Message)
    {
        Error = error;
    }

    public CliError Error { get; }

    public static CliFailure InvalidInput(string code, string message, IReadOnlyList<string>? details = null) =>
        new(new CliError(ExitCodes.InvalidInput, code, message, details ?? []));
}
