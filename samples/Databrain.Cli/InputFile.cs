namespace Databrain.Cli;

/// <summary>Reads a file named on the command line, turning any failure into an <c>INPUT_ERROR</c> (exit 2).</summary>
internal static class InputFile
{
    /// <exception cref="CliFailure">The file cannot be read.</exception>
    public static async Task<string> ReadAllTextAsync(string option, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw CliFailure.InvalidInput(CliErrorCodes.InputError, $"cannot read {option} file '{path}': {exception.Message}");
        }
    }
}
