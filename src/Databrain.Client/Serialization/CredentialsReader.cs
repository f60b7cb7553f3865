using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Databrain.Client.Models;

namespace Databrain.Client.Serialization;

/// <summary>
/// Reads a wire-format <c>credentials</c> object back into a record (see
/// <see cref="DatasourceCredentials.FromJson(DatasourceType, string)"/>). Reading is lenient, so that a
/// missing field becomes a <see cref="ValidationProblem"/> next to all the others, not a bare
/// <see cref="JsonException"/>. Only the source-generated context's metadata is used: AOT-safe.
/// </summary>
internal static class CredentialsReader
{
    private const string ObjectName = "credentials";

    // The context's own options (naming, null handling) with every property made optional: the
    // `required` members are checked by the validator instead, all together.
    private static readonly JsonSerializerOptions LenientOptions = CreateLenientOptions();

    public static DatasourceCredentials Read(DatasourceType type, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw Invalid(new ValidationProblem(LocateSyntaxError(json), SyntaxErrorMessage(exception)));
        }

        using (document)
        {
            return Read(type, document.RootElement);
        }
    }

    public static DatasourceCredentials Read(DatasourceType type, JsonElement credentials)
    {
        if (credentials.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(new ValidationProblem(ObjectName, "must be a JSON object."));
        }

        var problems = new List<ValidationProblem>();
        // A documented type reads into its record (the table says which); any other into CustomCredentials.
        var result = DatasourceTypeTable.TryGet(type, out var row)
            ? ReadKnown(row.CredentialsType, credentials, problems)
            : ReadCustom(type, credentials, problems);

        // Reading problems come first; the validator adds the fields they do not already name
        // (a missing port, say, is reported once as missing, not again as out of range).
        foreach (var problem in DatasourceValidator.Validate(result))
        {
            if (!problems.Exists(p => p.Field == problem.Field))
            {
                problems.Add(problem);
            }
        }

        return problems.Count == 0 ? result : throw Invalid(problems);
    }

    private static DatasourceCredentials ReadKnown(Type clrType, JsonElement credentials, List<ValidationProblem> problems)
    {
        var typeInfo = LenientOptions.GetTypeInfo(clrType);
        DatasourceCredentials? result;
        try
        {
            result = (DatasourceCredentials?)JsonSerializer.Deserialize(credentials, typeInfo);
        }
        catch (JsonException exception)
        {
            // Never the exception's message: it can quote the offending value.
            var (field, property) = FindProperty(typeInfo, exception.Path);
            throw Invalid(new ValidationProblem(field, WrongValueMessage(property)));
        }

        // Lenient reading left missing numbers and enums at their default; name them here.
        var strict = DatabrainJsonContext.Default.GetTypeInfo(clrType)!;
        foreach (var property in strict.Properties)
        {
            if (property.IsRequired && !credentials.TryGetProperty(property.Name, out _))
            {
                problems.Add(new ValidationProblem($"{ObjectName}.{property.Name}", "is required."));
            }
        }

        return result!;
    }

    private static CustomCredentials ReadCustom(DatasourceType type, JsonElement credentials, List<ValidationProblem> problems)
    {
        string? name = null;
        var nameSeen = false;
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in credentials.EnumerateObject())
        {
            if (!nameSeen && property.NameEquals("name"))
            {
                nameSeen = true;
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    name = property.Value.GetString();
                }
                else
                {
                    problems.Add(new ValidationProblem($"{ObjectName}.name", "must be a JSON string."));
                }
            }
            else
            {
                // Cloned: the result must outlive the caller's document.
                fields[property.Name] = property.Value.Clone();
            }
        }

        return new CustomCredentials(type) { Name = name!, Fields = fields };
    }

    private static JsonSerializerOptions CreateLenientOptions()
    {
        var options = new JsonSerializerOptions(DatabrainJsonContext.Default.Options)
        {
            TypeInfoResolver = DatabrainJsonContext.Default.WithAddedModifier(static typeInfo =>
            {
                foreach (var property in typeInfo.Properties)
                {
                    property.IsRequired = false;
                }
            }),
        };
        options.MakeReadOnly();
        return options;
    }

    // "$.port" -> credentials.port and its metadata; a deeper or odd path names what it can.
    private static (string Field, JsonPropertyInfo? Property) FindProperty(JsonTypeInfo typeInfo, string? path)
    {
        var field = ToField(path);
        var name = path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        var property = typeInfo.Properties.FirstOrDefault(p => p.Name == name);
        return (field, property);
    }

    private static string ToField(string? path) =>
        path is { Length: > 1 } && path[0] == '$' ? ObjectName + path[1..] : ObjectName;

    private static string WrongValueMessage(JsonPropertyInfo? property)
    {
        var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (type is null)
        {
            return "has a value of the wrong JSON type.";
        }

        if (type == typeof(string))
        {
            return "must be a JSON string.";
        }

        if (type == typeof(int))
        {
            return "must be a whole JSON number.";
        }

        if (type == typeof(bool))
        {
            return "must be true or false.";
        }

        return LenientOptions.GetTypeInfo(type).Converter is IWireEnumConverter wireEnum
            ? $"must be one of {wireEnum.AllowedValues}."
            : "has a value of the wrong JSON type.";
    }

    // JsonDocument does not say which property a syntax error is in; reading the text as a
    // dictionary does (its converter tracks the property names), so the field can be named.
    private static string LocateSyntaxError(string json)
    {
        try
        {
            JsonSerializer.Deserialize(json, DatabrainJsonContext.Default.DictionaryStringJsonElement);
        }
        catch (JsonException exception)
        {
            return ToField(exception.Path);
        }

        return ObjectName;
    }

    private static string SyntaxErrorMessage(JsonException exception) =>
        exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? $"is not valid JSON (line {line + 1}, byte {position + 1})."
            : "is not valid JSON.";

    private static DatabrainValidationException Invalid(params ValidationProblem[] problems) => Invalid(problems.ToList());

    private static DatabrainValidationException Invalid(List<ValidationProblem> problems) => new(null, problems);
}
