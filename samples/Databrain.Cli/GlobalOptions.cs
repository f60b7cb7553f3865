using System.CommandLine;

namespace Databrain.Cli;

/// <summary>The options every command takes, before or after the command name.</summary>
internal sealed class GlobalOptions
{
    public const string BaseUrlVariable = "DATABRAIN_BASE_URL";
    public const string TokenVariable = "DATABRAIN_SERVICE_TOKEN";

    public Option<string?> BaseUrl { get; } = new("--base-url")
    {
        Description = $"DataBrain's API address [default: ${BaseUrlVariable}, else https://api.usedatabrain.com]",
        HelpName = "url",
        Recursive = true,
    };

    // The token itself is never a flag value: it would sit in shell history and in `ps` output.
    public Option<string?> TokenFile { get; } = new("--token-file")
    {
        Description = $"Read the service token from this file instead of ${TokenVariable}",
        HelpName = "path",
        Recursive = true,
    };

    public Option<string> Output { get; } = CreateOutputOption();

    public IEnumerable<Option> All => [BaseUrl, TokenFile, Output];

    private static Option<string> CreateOutputOption()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "What a successful command prints: text lines or one JSON document",
            DefaultValueFactory = _ => "text",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }
}
