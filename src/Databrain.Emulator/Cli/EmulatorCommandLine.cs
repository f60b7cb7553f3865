using System.Diagnostics.CodeAnalysis;

namespace Databrain.Emulator.Cli;

/// <summary>The standalone server's command line.</summary>
/// <param name="Urls">The Kestrel URL(s) to listen on.</param>
/// <param name="Token">The service token from <c>--token</c> or the environment, or <see langword="null"/> to generate one.</param>
/// <param name="AcceptAllConnections">Whether connection tests are disabled.</param>
/// <param name="ShowHelp">Whether only the usage was asked for.</param>
internal sealed record EmulatorCommandLine(string Urls, string? Token, bool AcceptAllConnections, bool ShowHelp)
{
    public const string TokenVariable = "DATABRAIN_EMULATOR_TOKEN";
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public const string Usage = """
        Databrain.Emulator: a local DataBrain datasource API.

        Usage: dotnet run --project src/Databrain.Emulator -- [options]

          --urls <urls>               Where to listen (default http://127.0.0.1:5080).
          --token <token>             The service token clients must send as "Authorization: Bearer <token>".
                                      Default: the DATABRAIN_EMULATOR_TOKEN environment variable, else a random one.
          --accept-all-connections    Skip connection tests (PostgreSQL and Redshift are otherwise tried for real).
          --help                      Show this help.
        """;

    /// <inheritdoc />
    public override string ToString() =>
        $"EmulatorCommandLine {{ Urls = {Urls}, Token = {(Token is null ? "(none)" : "***")}, AcceptAllConnections = {AcceptAllConnections}, ShowHelp = {ShowHelp} }}";

    public static bool TryParse(IReadOnlyList<string> args, string? environmentToken, [NotNullWhen(true)] out EmulatorCommandLine? commandLine, [NotNullWhen(false)] out string? error)
    {
        commandLine = null;
        error = null;
        string? urls = null;
        string? token = null;
        var acceptAll = false;
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                inline = arg[(equals + 1)..];
                arg = arg[..equals];
            }

            switch (arg)
            {
                case "--urls":
                    if (!TryValue(args, ref i, inline, arg, out urls, out error))
                    {
                        return false;
                    }

                    break;
                case "--token":
                    if (!TryValue(args, ref i, inline, arg, out token, out error))
                    {
                        return false;
                    }

                    break;
                case "--accept-all-connections":
                    acceptAll = true;
                    break;
                case "--help" or "-h" or "-?":
                    help = true;
                    break;
                default:
                    error = $"Unknown argument: {arg}";
                    return false;
            }
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            token = string.IsNullOrWhiteSpace(environmentToken) ? null : environmentToken.Trim();
        }

        commandLine = new EmulatorCommandLine(urls ?? DefaultUrls, token, acceptAll, help);
        return true;
    }

    private static bool TryValue(IReadOnlyList<string> args, ref int index, string? inline, string name, out string? value, [NotNullWhen(false)] out string? error)
    {
        error = null;
        value = inline;
        if (value is null && index + 1 < args.Count)
        {
            value = args[++index];
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            error = $"{name} needs a value.";
            return false;
        }

        return true;
    }
}
