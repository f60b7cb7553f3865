using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Databrain.Cli;

/// <summary>
/// Parses the text of <c>--credentials</c> or <c>--tenancy</c>. Text that is not JSON at all is an <c>INPUT_ERROR</c>
/// (exit 2) saying where reading stopped, by line and column as an editor shows them: there are no fields to list
/// yet, so it is not a validation error. Nothing of the text is quoted, since it may hold a secret.
/// </summary>
internal static class JsonInput
{
    /// <param name="option">The option the text came from, for example <c>--credentials</c>.</param>
    /// <param name="path">The file the text was read from, or <see cref="DatasourceInput.StandardInput"/>.</param>
    /// <param name="text">The text.</param>
    /// <exception cref="CliFailure">The text is not JSON.</exception>
    public static JsonDocument Parse(string option, string path, string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            var source = path == DatasourceInput.StandardInput ? $"{option} (standard input)" : $"{option} file '{path}'";
            throw CliFailure.InvalidInput(CliErrorCodes.InputError, $"{source} is not valid JSON at {Describe(text, exception)}.");
        }
    }

    // "line 2, column 27": where the reader stopped, or, for a cut-off file (the beginning of some valid JSON), the
    // end of the text, where it must go on. The reader gives a 0-based line (counted by '\n') and a 0-based UTF-8
    // byte offset in it; the column counts characters, as editors do.
    private static string Describe(string text, JsonException exception)
    {
        if (IsCutOff(text))
        {
            var lastLineStart = text.LastIndexOf('\n') + 1;
            var atEnd = string.Create(CultureInfo.InvariantCulture, $"line {text.Count(c => c == '\n') + 1}, column {text.Length - lastLineStart + 1}");
            return atEnd + ": it ends before the JSON is complete";
        }

        var line = (int)Math.Clamp(exception.LineNumber ?? 0, 0, int.MaxValue);
        var start = 0;
        for (var i = 0; i < line && start < text.Length; i++)
        {
            var next = text.IndexOf('\n', start);
            start = next < 0 ? text.Length : next + 1;
        }

        var end = text.IndexOf('\n', start);
        var lineText = text.AsSpan(start, (end < 0 ? text.Length : end) - start);
        var bytePosition = Math.Max(0, exception.BytePositionInLine ?? 0);
        var chars = 0;
        long bytes = 0;
        while (chars < lineText.Length && bytes < bytePosition)
        {
            var length = chars + 1 < lineText.Length && char.IsSurrogatePair(lineText[chars], lineText[chars + 1]) ? 2 : 1;
            bytes += Encoding.UTF8.GetByteCount(lineText.Slice(chars, length));
            chars += length;
        }

        return string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, column {chars + 1}");
    }

    // Every token so far is valid and the text merely stops: told more may follow, the reader asks for it.
    private static bool IsCutOff(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
