namespace Databrain.Cli.Tests.Support;

/// <summary>What one in-process run of <c>databrain</c> printed and returned; output split into lines.</summary>
public sealed record CliResult(int ExitCode, IReadOnlyList<string> Stdout, IReadOnlyList<string> Stderr)
{
    /// <summary>Everything printed, both streams.</summary>
    public string AllOutput => string.Join("\n", Stdout.Concat(Stderr));
}
