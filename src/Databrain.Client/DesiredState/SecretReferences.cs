using System.Globalization;
using System.Text.Json;

namespace Databrain.Client.DesiredState;

/// <summary>
/// Resolves the secret references of a definitions file. A JSON string whose whole value is <c>${env:NAME}</c> becomes
/// the environment variable's value, and one that is <c>${file:PATH}</c> the file's text (one trailing line break
/// trimmed; the path relative to the definitions file's folder). Any other whole value of the form <c>${...}</c> is a
/// problem (a misspelt reference must not be sent as a password); a value starting with <c>$${</c> (two or more
/// <c>$</c> before a <c>{</c>) is the literal text with one <c>$</c> fewer. A reference inside a longer string is not one: the string is kept as it is.
/// </summary>
/// <remarks>
/// A problem names the value's path and the variable or file, never a value. A reference that cannot be resolved
/// keeps its own text, so the entry's other rules are still checked and nothing secret stands in its place.
/// </remarks>
internal sealed class SecretReferences
{
    private const string Start = "${";
    private const string EnvironmentKind = "env";
    private const string FileKind = "file";

    private readonly string _baseDirectory;
    private readonly Func<string, string?> _environment;

    /// <param name="baseDirectory">The full path of the folder <c>${file:PATH}</c> resolves against.</param>
    /// <param name="environment">Reads an environment variable; <see langword="null"/> when it is not set.</param>
    public SecretReferences(string baseDirectory, Func<string, string?> environment)
    {
        _baseDirectory = baseDirectory;
        _environment = environment;
    }

    /// <summary>
    /// <paramref name="value"/> as UTF-8 JSON with every reference resolved; each reference that cannot be resolved
    /// is added to <paramref name="problems"/> under its path, which starts with <paramref name="path"/>.
    /// </summary>
    public byte[] Resolve(JsonElement value, string path, List<ValidationProblem> problems)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value, path, problems);
        }

        return buffer.ToArray();
    }

    private void Write(Utf8JsonWriter writer, JsonElement value, string path, List<ValidationProblem> problems)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, path + "." + property.Name, problems);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item, path + "[" + index++.ToString(CultureInfo.InvariantCulture) + "]", problems);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(ResolveString(value.GetString()!, path, problems));
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private string ResolveString(string text, string path, List<ValidationProblem> problems)
    {
        // The escape: "$${...}" is the text "${...}", "$$${...}" is "$${...}", and so on.
        var dollars = 0;
        while (dollars < text.Length && text[dollars] == '$')
        {
            dollars++;
        }

        if (dollars >= 2 && dollars < text.Length && text[dollars] == '{')
        {
            return text.Substring(1);
        }

        if (!text.StartsWith(Start, StringComparison.Ordinal) || !text.EndsWith("}", StringComparison.Ordinal) || text.Length < Start.Length + 1)
        {
            return text;
        }

        var body = text.Substring(Start.Length, text.Length - Start.Length - 1);
        var colon = body.IndexOf(':');
        var kind = colon < 0 ? body : body.Substring(0, colon);
        var argument = colon < 0 ? string.Empty : body.Substring(colon + 1);
        string? resolved = null;
        string? problem;
        if (kind == EnvironmentKind && argument.Length > 0)
        {
            resolved = _environment(argument);
            problem = resolved is null ? $"refers to the environment variable {argument}, which is not set." : null;
        }
        else if (kind == FileKind && argument.Length > 0)
        {
            problem = ReadFile(argument, out resolved);
        }
        else
        {
            // Not quoted: a value that merely looks like a reference could be a secret.
            problem = "is not a reference this file knows: write ${env:NAME} or ${file:PATH}, or start the value with $${ for a literal \"${\".";
        }

        if (problem is not null)
        {
            problems.Add(new ValidationProblem(path, problem));
            return text;
        }

        return resolved!;
    }

    // The problem, or null with the file's text (one trailing line break trimmed: editors add one).
    private string? ReadFile(string relativePath, out string? text)
    {
        text = null;
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(Path.Combine(_baseDirectory, relativePath));
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"refers to the file \"{relativePath}\", which is not a valid path.";
        }

        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return $"refers to the file \"{relativePath}\" ({fullPath}), which does not exist.";
        }
        catch (UnauthorizedAccessException)
        {
            return $"refers to the file \"{relativePath}\" ({fullPath}), which cannot be read: access is denied.";
        }
        catch (IOException)
        {
            return $"refers to the file \"{relativePath}\" ({fullPath}), which cannot be read.";
        }

        if (text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            text = text.Substring(0, text.Length - 2);
        }
        else if (text.EndsWith("\n", StringComparison.Ordinal))
        {
            text = text.Substring(0, text.Length - 1);
        }

        return null;
    }
}
