using System.Text;
using System.Text.Json;

namespace Databrain.Client.Serialization;

/// <summary>Where a <see cref="JsonException"/> stopped reading a text, in the terms an editor shows: line and character column.</summary>
internal static class JsonTextPosition
{
    /// <summary>
    /// Parses <paramref name="text"/>, or throws <see cref="DatabrainInvalidJsonException"/> naming
    /// <paramref name="objectName"/> and where the text stopped being JSON (never the parser's message: it can quote the text).
    /// </summary>
    public static JsonDocument Parse(string text, string objectName)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            var (line, column, isIncomplete) = Locate(text, exception);
            throw new DatabrainInvalidJsonException(objectName, line, column, isIncomplete);
        }
    }

    /// <summary>
    /// The 1-based line and column (in characters, from the exception's 0-based UTF-8 byte position) of a syntax error
    /// in <paramref name="text"/>; or, when the text is the beginning of some valid JSON (it was cut off), the end of
    /// the text, where it must go on. Never reads the exception's message, which can quote the text.
    /// </summary>
    public static (int Line, int Column, bool IsIncomplete) Locate(string text, JsonException exception)
    {
        if (IsCutOff(text))
        {
            var lastLineStart = text.LastIndexOf('\n') + 1;
            return (text.Count(c => c == '\n') + 1, text.Length - lastLineStart + 1, true);
        }

        var line = (int)Math.Clamp(exception.LineNumber ?? 0, 0, int.MaxValue);
        var bytePosition = Math.Max(0, exception.BytePositionInLine ?? 0);

        // The reader counts lines by '\n' alone.
        var start = 0;
        for (var i = 0; i < line; i++)
        {
            var next = text.IndexOf('\n', start);
            if (next < 0)
            {
                start = text.Length;
                break;
            }

            start = next + 1;
        }

        var end = text.IndexOf('\n', start);
        var lineText = text.AsSpan(start, (end < 0 ? text.Length : end) - start);

        var chars = 0;
        long bytes = 0;
        while (chars < lineText.Length && bytes < bytePosition)
        {
            var length = chars + 1 < lineText.Length && char.IsSurrogatePair(lineText[chars], lineText[chars + 1]) ? 2 : 1;
            bytes += Encoding.UTF8.GetByteCount(lineText.Slice(chars, length));
            chars += length;
        }

        return (line + 1, chars + 1, false);
    }

    // Whether every token read so far is valid and the text merely stops: the reader, told more may follow,
    // asks for more instead of failing. (The exception's position is no guide: after "{"a": 1," it points at
    // the comma.)
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
