namespace Databrain.Cli;

/// <summary>
/// Spots a service token given as a flag value (<c>--token VALUE</c>, <c>--token=VALUE</c>), which the tool
/// never accepts, and turns the parser's bare "Unrecognized command or argument" into an error that names
/// the ways that work. The value is masked: it is most likely the token itself.
/// </summary>
internal static class TokenFlagMistake
{
    // What people reach for by habit from other tools.
    private static readonly string[] Flags = ["--token", "--service-token", "--api-key"];

    /// <summary>The usage error for a token flag among <paramref name="args"/>, or <see langword="null"/> when there is none.</summary>
    /// <param name="args">The command line as given.</param>
    /// <param name="masker">Receives the flag's value, so that no line the tool prints repeats it.</param>
    public static CliError? Find(IReadOnlyList<string> args, SecretMasker masker)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                return null; // what follows is arguments, not options
            }

            foreach (var flag in Flags)
            {
                if (arg == flag)
                {
                    masker.Add(i + 1 < args.Count ? args[i + 1] : null);
                    return Error(flag);
                }

                if (arg.Length > flag.Length && arg.StartsWith(flag, StringComparison.Ordinal) && arg[flag.Length] is '=' or ':')
                {
                    masker.Add(arg[(flag.Length + 1)..]);
                    return Error(flag);
                }
            }
        }

        return null;
    }

    private static CliError Error(string flag) => new(
        ExitCodes.InvalidInput,
        CliErrorCodes.Usage,
        $"there is no {flag} option: the service token is never a flag value (it would sit in shell history and in 'ps' output).",
        [
            $"Set {GlobalOptions.TokenVariable}, or pass --token-file <path> naming a file that holds the token.",
            "See 'databrain --help'.",
        ]);
}
