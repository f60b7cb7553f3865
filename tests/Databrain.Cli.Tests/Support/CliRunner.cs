namespace Databrain.Cli.Tests.Support;

/// <summary>Runs the tool in-process with captured streams and an explicit environment (never the test process's own).</summary>
public static class CliRunner
{
    public const string BaseUrlVariable = "DATABRAIN_BASE_URL";
    public const string TokenVariable = "DATABRAIN_SERVICE_TOKEN";

    public static async Task<CliResult> RunWithStdinAsync(IDictionary<string, string?> environment, string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await new DatabrainCli().RunAsync(args, input, stdout, stderr, environment);
        return new CliResult(exitCode, Lines(stdout), Lines(stderr));
    }

    public static Task<CliResult> RunAsync(IDictionary<string, string?> environment, params string[] args) =>
        RunWithStdinAsync(environment, string.Empty, args);

    public static Dictionary<string, string?> Environment(Uri baseAddress, string? token) => new(StringComparer.Ordinal)
    {
        [BaseUrlVariable] = baseAddress.ToString(),
        [TokenVariable] = token,
    };

    private static string[] Lines(StringWriter writer)
    {
        var text = writer.ToString().ReplaceLineEndings("\n");
        return text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
    }
}
