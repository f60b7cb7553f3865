using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Databrain.Emulator.Cli;

/// <summary>The standalone server's command line.</summary>
/// <param name="Urls">The Kestrel URL(s) to listen on.</param>
/// <param name="Token">The service token from <c>--token</c> or the environment, or <see langword="null"/> to generate one.</param>
/// <param name="AcceptAllConnections">Whether connection tests are disabled.</param>
/// <param name="ShowHelp">Whether only the usage was asked for.</param>
/// <param name="RateLimit">The rate limit to start with (<c>--rate-limit N/SECONDS</c>), or <see langword="null"/> for none.</param>
internal sealed record EmulatorCommandLine(string Urls, string? Token, bool AcceptAllConnections, bool ShowHelp, (int PermitLimit, TimeSpan Window)? RateLimit = null)
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
          --rate-limit <n>/<seconds>  Start rate-limited: at most n /api requests per fixed window of that many seconds,
                                      then 429 TOO_MANY_REQUESTS with Retry-After. A self-hosted DataBrain's limit is
                                      500/120 (per client IP address). Default: none.
          --help                      Show this help.
        """;

    /// <inheritdoc />
    public override string ToString() =>
        $"EmulatorCommandLine {{ Urls = {Urls}, Token = {(Token is null ? "(none)" : "***")}, AcceptAllConnections = {AcceptAllConnections}, " +
        $"RateLimit = {(RateLimit is { } limit ? $"{limit.PermitLimit}/{limit.Window.TotalSeconds}" : "(none)")}, ShowHelp = {ShowHelp} }}";

    public static bool TryParse(IReadOnlyList<string> args, string? environmentToken, [NotNullWhen(true)] out EmulatorCommandLine? commandLine, [NotNullWhen(false)] out string? error)
    {
        commandLine = null;
        error = null;
        string? urls = null;
        string? token = null;
        var acceptAll = false;
        var help = false;
        (int, TimeSpan)? rateLimit = null;
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
                case "--rate-limit":
                    if (!TryValue(args, ref i, inline, arg, out var limit, out error))
                    {
                        return false;
                    }

                    rateLimit = ParseRateLimit(limit!);
                    if (rateLimit is null)
                    {
                        error = $"--rate-limit needs <n>/<seconds>, two whole numbers of at least 1, for example 500/120; got '{limit}'.";
                        return false;
                    }

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

        commandLine = new EmulatorCommandLine(urls ?? DefaultUrls, token, acceptAll, help, rateLimit);
        return true;
    }

    // "500/120": 500 requests per 120 seconds. Whole seconds, as the control endpoint's windowSeconds.
    private static (int PermitLimit, TimeSpan Window)? ParseRateLimit(string value)
    {
        var parts = value.Split('/');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var permitLimit) && permitLimit >= 1
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds >= 1
            ? (permitLimit, TimeSpan.FromSeconds(seconds))
            : null;
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
