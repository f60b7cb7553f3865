namespace Databrain.Cli;

/// <summary>
/// Reads the service token from the file <c>--token-file</c> names. A failure says which file and why, and
/// never repeats a value that may be the token itself.
/// </summary>
internal static class TokenFile
{
    private const string Option = "--token-file";

    /// <returns>The file's text, trimmed.</returns>
    /// <exception cref="CliFailure">The file cannot be read (<c>INPUT_ERROR</c>) or holds only white space (<c>MISSING_TOKEN</c>).</exception>
    public static async Task<string> ReadAsync(string path, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Unreadable(path, exception);
        }

        var token = text.Trim();
        return token.Length > 0
            ? token
            : throw CliFailure.InvalidInput(CliErrorCodes.MissingToken, $"the service token file '{FullPath(path)}' ({Option}) is empty.");
    }

    private static CliFailure Unreadable(string path, Exception exception)
    {
        var hint = $"{Option} takes the path of a file that holds the token; or set {GlobalOptions.TokenVariable} instead.";
        if (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            // A value with no directory in it may be the token itself, pasted where a path belongs: it is not
            // repeated. A path is, in full, so that a relative one shows where it was looked for.
            if (path.IndexOfAny(['/', Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]) < 0)
            {
                return CliFailure.InvalidInput(
                    CliErrorCodes.InputError,
                    $"cannot read the service token file ({Option}): the current directory, {Environment.CurrentDirectory}, has no file of that name.",
                    [hint + " (The value is not repeated here, in case it is the token.)"]);
            }

            var why = exception is FileNotFoundException ? "no such file" : "no such directory";
            var tilde = path.StartsWith('~') ? " ('~' is expanded by the shell only at the start of a word: write the path out)" : string.Empty;
            return CliFailure.InvalidInput(
                CliErrorCodes.InputError, $"cannot read the service token file '{FullPath(path)}' ({Option}): {why}{tilde}.", [hint]);
        }

        var reason = exception switch
        {
            UnauthorizedAccessException when Directory.Exists(path) => "it is a directory, not a file",
            UnauthorizedAccessException => "permission denied",
            _ => exception.Message.TrimEnd('.'),
        };
        return CliFailure.InvalidInput(CliErrorCodes.InputError, $"cannot read the service token file '{FullPath(path)}' ({Option}): {reason}.");
    }

    private static string FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }
}
