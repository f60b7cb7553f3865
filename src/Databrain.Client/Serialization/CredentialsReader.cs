using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Databrain.Client.Models;
using Databrain.Client.Validation;

namespace Databrain.Client.Serialization;

/// <summary>
/// Reads a wire-format <c>credentials</c> object back into a record (see
/// <see cref="DatasourceCredentials.FromJson(DatasourceType, string)"/>). Reading is strict about names and lenient
/// about values: a field the type does not have, or a misspelt <c>datasourceType</c>, is a
/// <see cref="ValidationProblem"/> (with a suggestion when a known name is close, see <see cref="NearMiss"/>), and so
/// is a missing or mistyped field, all reported together rather than as a bare <see cref="JsonException"/>. Text that
/// is not JSON at all is a <see cref="DatabrainInvalidJsonException"/>. Only the source-generated context's metadata
/// is used: AOT-safe.
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
        using (var document = JsonTextPosition.Parse(json, ObjectName))
        {
            return Read(type, document.RootElement);
        }
    }

    public static DatasourceCredentials Read(DatasourceType type, JsonElement credentials)
    {
        // A misspelt documented type is not a new one: read as the escape hatch, it would be sent as it is.
        // The fields cannot be checked against a type that is not known, so this is the only problem reported.
        if (NearMiss.Types(type) is { Count: > 0 } meant)
        {
            throw Invalid(new ValidationProblem(
                "datasourceType", $"unknown type \"{type.Value}\"; did you mean {NearMiss.Quoted(meant.Select(t => t.Value))}?"));
        }

        if (credentials.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(new ValidationProblem(ObjectName, "must be a JSON object."));
        }

        var problems = new List<ValidationProblem>();
        // A documented type reads into its record (the table says which); any other into CustomCredentials.
        var result = DatasourceTypeTable.TryGet(type, out var row)
            ? ReadKnown(row, credentials, problems)
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

    private static DatasourceCredentials ReadKnown(DatasourceTypeRow row, JsonElement credentials, List<ValidationProblem> problems)
    {
        var strict = DatabrainJsonContext.Default.GetTypeInfo(row.CredentialsType)!;

        // A field the type does not have would be dropped without a word: a misspelt optional field
        // (sslmode, sshtunel) would silently not be sent. Names only, never values.
        var known = strict.Properties.Select(p => p.Name).ToList();
        foreach (var property in credentials.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                problems.Add(new ValidationProblem($"{ObjectName}.{property.Name}", UnknownFieldMessage(row.Type, property.Name, known)));
            }
        }

        var typeInfo = LenientOptions.GetTypeInfo(row.CredentialsType);
        DatasourceCredentials? result;
        try
        {
            result = (DatasourceCredentials?)JsonSerializer.Deserialize(credentials, typeInfo);
        }
        catch (JsonException exception)
        {
            // Never the exception's message: it can quote the offending value.
            var (field, property) = FindProperty(typeInfo, exception.Path);
            problems.Add(new ValidationProblem(field, WrongValueMessage(property)));
            throw Invalid(problems);
        }

        // Lenient reading left missing numbers and enums at their default; name them here.
        foreach (var property in strict.Properties)
        {
            if (property.IsRequired && !credentials.TryGetProperty(property.Name, out _))
            {
                problems.Add(new ValidationProblem($"{ObjectName}.{property.Name}", "is required."));
            }
        }

        return result!;
    }

    private static string UnknownFieldMessage(DatasourceType type, string field, IReadOnlyList<string> known)
    {
        var meant = NearMiss.Fields(field, known);
        var article = "aeiou".Contains(type.Value[0], StringComparison.Ordinal) ? "an" : "a";
        return meant.Count == 0
            ? $"not {article} {type.Value} field."
            : $"not {article} {type.Value} field; did you mean {NearMiss.Quoted(meant)}?";
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

    private static DatabrainValidationException Invalid(params ValidationProblem[] problems) => Invalid(problems.ToList());

    private static DatabrainValidationException Invalid(List<ValidationProblem> problems) => new(null, problems);
}
