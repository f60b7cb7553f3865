using System.Text.Json;
using Databrain.Client.Models;

namespace Databrain.Client.Serialization;

/// <summary>
/// Reads a wire-format <c>tenancySettings</c> object (as DataBrain's API takes it) into
/// <see cref="TenancySettings"/> (see <see cref="TenancySettings.FromJson(JsonElement)"/>). Read by hand, not by a
/// serializer: no reflection (AOT-safe), and every problem is collected instead of stopping at the first. Once the
/// fields read, the rules between them (TABLE needs clientColumnType) are <see cref="DatasourceValidator"/>'s.
/// </summary>
internal static class TenancySettingsReader
{
    private const string ObjectName = "tenancySettings";

    private static readonly (string Wire, TenancyLevel Value)[] TenancyLevels =
        [("TABLE", TenancyLevel.Table), ("DATABASE", TenancyLevel.Database)];

    private static readonly (string Wire, ClientColumnType Value)[] ClientColumnTypes =
        [("NUMBER", ClientColumnType.Number), ("STRING", ClientColumnType.String)];

    /// <summary>
    /// The settings, or <see langword="null"/> when a problem was added to <paramref name="problems"/>: a field that
    /// does not read (named by its path, <c>tenancySettings.tenancyLevel</c>), or, when every field reads, a rule
    /// between them broken.
    /// </summary>
    public static TenancySettings? Read(JsonElement root, List<ValidationProblem> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ValidationProblem(ObjectName, "must be a JSON object."));
            return null;
        }

        var before = problems.Count;
        TenancyLevel? tenancyLevel = null;
        ClientColumnType? clientColumnType = null;
        string? schemaName = null, tableName = null, tableClientNameColumn = null, tablePrimaryKeyColumn = null;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "tenancyLevel":
                    tenancyLevel = ReadEnum(property, TenancyLevels, problems);
                    break;
                case "clientColumnType":
                    clientColumnType = ReadEnum(property, ClientColumnTypes, problems);
                    break;
                case "schemaName":
                    schemaName = ReadString(property, problems);
                    break;
                case "tableName":
                    tableName = ReadString(property, problems);
                    break;
                case "tableClientNameColumn":
                    tableClientNameColumn = ReadString(property, problems);
                    break;
                case "tablePrimaryKeyColumn":
                    tablePrimaryKeyColumn = ReadString(property, problems);
                    break;
                default:
                    // A misspelt field would otherwise be dropped without a word.
                    problems.Add(new ValidationProblem(Field(property.Name), "is not a tenancySettings field."));
                    break;
            }
        }

        if (tenancyLevel is null && !problems.Exists(p => p.Field == Field("tenancyLevel")))
        {
            problems.Add(new ValidationProblem(Field("tenancyLevel"), "is required."));
        }

        if (problems.Count > before || tenancyLevel is not { } level)
        {
            return null;
        }

        var settings = new TenancySettings
        {
            TenancyLevel = level,
            ClientColumnType = clientColumnType,
            SchemaName = schemaName,
            TableName = tableName,
            TableClientNameColumn = tableClientNameColumn,
            TablePrimaryKeyColumn = tablePrimaryKeyColumn,
        };
        problems.AddRange(DatasourceValidator.ValidateTenancy(settings));
        return problems.Count > before ? null : settings;
    }

    private static T? ReadEnum<T>(JsonProperty property, (string Wire, T Value)[] values, List<ValidationProblem> problems)
        where T : struct, Enum
    {
        if (property.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (property.Value.ValueKind == JsonValueKind.String)
        {
            var text = property.Value.GetString();
            foreach (var (wire, value) in values)
            {
                if (string.Equals(wire, text, StringComparison.Ordinal))
                {
                    return value;
                }
            }
        }

        problems.Add(new ValidationProblem(
            Field(property.Name), "must be one of " + string.Join(", ", values.Select(v => $"\"{v.Wire}\"")) + "."));
        return null;
    }

    private static string? ReadString(JsonProperty property, List<ValidationProblem> problems)
    {
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.String:
                return property.Value.GetString();
            case JsonValueKind.Null:
                return null;
            default:
                problems.Add(new ValidationProblem(Field(property.Name), "must be a JSON string."));
                return null;
        }
    }

    private static string Field(string name) => $"{ObjectName}.{name}";
}
