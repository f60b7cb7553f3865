using System.Globalization;
using Databrain.Client;
using Databrain.Client.DesiredState;
using Databrain.Client.Models;

namespace Databrain.Cli;

/// <summary>
/// Reads <c>--file</c> of <c>datasource apply</c> with the SDK's <see cref="DatasourceDefinitionFile"/>: from the file
/// (its <c>${file:PATH}</c> references relative to its folder) or, for <c>-</c>, from standard input (relative to the
/// current directory). <c>${env:NAME}</c> reads the tool's environment. Every secret read, references resolved, is
/// registered with the masker before anything is printed.
/// </summary>
internal static class DefinitionsInput
{
    public const string Option = "--file";

    /// <exception cref="CliFailure">
    /// The file cannot be read or is not JSON (<c>INPUT_ERROR</c>), or is invalid (<c>VALIDATION_ERROR</c>, every problem listed).
    /// </exception>
    public static async Task<IReadOnlyList<DatasourceDefinition>> ReadAsync(string path, CliSession session, CancellationToken cancellationToken)
    {
        var fromStdin = path == DatasourceInput.StandardInput;
        var text = fromStdin
            ? await session.Stdin.ReadToEndAsync(cancellationToken).ConfigureAwait(false)
            : await InputFile.ReadAllTextAsync(Option, path, cancellationToken).ConfigureAwait(false);
        var baseDirectory = fromStdin ? Environment.CurrentDirectory : Path.GetDirectoryName(Path.GetFullPath(path))!;

        IReadOnlyList<DatasourceDefinition> definitions;
        try
        {
            definitions = DatasourceDefinitionFile.Parse(text, baseDirectory, session.RawVariable);
        }
        catch (DatabrainInvalidJsonException exception)
        {
            var source = fromStdin ? $"{Option} (standard input)" : $"{Option} file '{path}'";
            var where = string.Create(CultureInfo.InvariantCulture, $"line {exception.LineNumber}, column {exception.Column}");
            throw CliFailure.InvalidInput(
                CliErrorCodes.InputError,
                exception.IsIncomplete
                    ? $"{source} is not valid JSON at {where}: it ends before the JSON is complete."
                    : $"{source} is not valid JSON at {where}.");
        }
        catch (DatabrainValidationException exception)
        {
            var noun = exception.Problems.Count == 1 ? "problem" : "problems";
            throw CliFailure.InvalidInput(
                CliErrorCodes.ValidationError,
                $"the definitions file is invalid ({exception.Problems.Count} {noun}); nothing was sent.",
                [.. exception.Problems.Select(problem => problem.ToString())]);
        }

        foreach (var definition in definitions)
        {
            session.Output.Masker.AddRange(DatasourceCredentials.FindSecretTexts(definition.Credentials));
        }

        return definitions;
    }
}
