using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Databrain.Emulator.Validation;

/// <summary>
/// Validates request bodies against the raw JSON, driven by <see cref="DatasourceCatalog"/>.
/// Every problem is reported at once, by wire path; values are never repeated.
/// </summary>
internal static class RequestValidator
{
    private static readonly string[] TenancyLevels = ["TABLE", "DATABASE"];
    private static readonly string[] ClientColumnTypes = ["NUMBER", "STRING"];
    private static readonly string[] TenancyStrings = ["schemaName", "tableName", "tableClientNameColumn", "tablePrimaryKeyColumn"];

    /// <summary>Validates a create or update body.</summary>
    public static bool TryValidateDatasource(
        JsonElement root,
        [NotNullWhen(true)] out DatasourceRequest? request,
        out ValidationProblems problems,
        out string? datasourceType)
    {
        problems = new ValidationProblems();
        request = null;
        datasourceType = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add("body", "must be a JSON object");
            return false;
        }

        DatasourceTypeRules? rules = null;
        if (!TryGetValue(root, "datasourceType", out var type))
        {
            problems.Add("datasourceType", "is required");
        }
        else if (type.ValueKind != JsonValueKind.String)
        {
            problems.Add("datasourceType", "must be a string");
        }
        else
        {
            rules = DatasourceCatalog.Find(type.GetString()!);
            if (rules is null)
            {
                problems.Add("datasourceType", "is not a supported datasource type (supported: " + string.Join(", ", DatasourceCatalog.TypeNames) + ")");
            }
            else
            {
                datasourceType = rules.Type;
            }
        }

        string? name = null;
        if (!TryGetValue(root, "credentials", out var credentials))
        {
            problems.Add("credentials", "is required");
        }
        else if (credentials.ValueKind != JsonValueKind.Object)
        {
            problems.Add("credentials", "must be a JSON object");
        }
        else
        {
            if (rules is not null)
            {
                ValidateCredentials(rules, credentials, problems);
            }
            else
            {
                ValidateField(credentials, FieldRule.RequiredString("name"), required: true, requiredReason: null, problems);
            }

            if (TryGetValue(credentials, "name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String)
            {
                name = nameElement.GetString();
            }
        }

        JsonElement? tenancy = null;
        if (TryGetValue(root, "tenancySettings", out var tenancyElement))
        {
            ValidateTenancy(tenancyElement, problems);
            tenancy = tenancyElement;
        }

        if (!problems.IsEmpty || rules is null || name is null)
        {
            return false;
        }

        request = new DatasourceRequest(rules, name, credentials.Clone(), tenancy?.Clone());
        return true;
    }

    /// <summary>Validates a sync body, <c>{"input": {"datasourceId": "..."}}</c>.</summary>
    public static bool TryValidateSync(JsonElement root, [NotNullWhen(true)] out string? datasourceId, out ValidationProblems problems)
    {
        problems = new ValidationProblems();
        datasourceId = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add("body", "must be a JSON object");
            return false;
        }

        if (!TryGetValue(root, "input", out var input))
        {
            problems.Add("input", "is required");
            return false;
        }

        if (input.ValueKind != JsonValueKind.Object)
        {
            problems.Add("input", "must be a JSON object");
            return false;
        }

        if (!TryGetValue(input, "datasourceId", out var id))
        {
            problems.Add("input.datasourceId", "is required");
        }
        else if (id.ValueKind != JsonValueKind.String)
        {
            problems.Add("input.datasourceId", "must be a string");
        }
        else if (string.IsNullOrWhiteSpace(id.GetString()))
        {
            problems.Add("input.datasourceId", "must not be blank");
        }
        else
        {
            datasourceId = id.GetString()!;
            return true;
        }

        return false;
    }

    private static void ValidateCredentials(DatasourceTypeRules rules, JsonElement credentials, ValidationProblems problems)
    {
        var conditionReasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var condition in rules.Conditions)
        {
            if (TryGetValue(credentials, condition.WhenField, out var decider)
                && decider.ValueKind == JsonValueKind.String
                && string.Equals(decider.GetString(), condition.WhenValue, StringComparison.Ordinal))
            {
                foreach (var field in condition.ThenRequired)
                {
                    conditionReasons.TryAdd(field, $"is required when credentials.{condition.WhenField} is \"{condition.WhenValue}\"");
                }
            }
        }

        foreach (var field in rules.Fields)
        {
            var conditional = conditionReasons.TryGetValue(field.Name, out var reason);
            ValidateField(credentials, field, field.Required || conditional, conditional ? reason : null, problems);
        }
    }

    private static void ValidateField(JsonElement parent, FieldRule field, bool required, string? requiredReason, ValidationProblems problems)
    {
        var path = "credentials." + field.Name;
        if (!TryGetValue(parent, field.Name, out var value))
        {
            if (required)
            {
                problems.Add(path, requiredReason ?? "is required");
            }

            return;
        }

        switch (field.Kind)
        {
            case FieldKind.String when value.ValueKind != JsonValueKind.String:
                problems.Add(path, "must be a string");
                break;
            case FieldKind.String when field.AllowedValues is { } allowed && !allowed.Contains(value.GetString(), StringComparer.Ordinal):
                problems.Add(path, "must be one of " + string.Join(", ", allowed.Select(v => "\"" + v + "\"")));
                break;
            case FieldKind.String when required && string.IsNullOrWhiteSpace(value.GetString()):
                problems.Add(path, "must not be blank");
                break;
            case FieldKind.Number when value.ValueKind != JsonValueKind.Number:
                problems.Add(path, "must be a number");
                break;
            case FieldKind.Number when field.IsPort && (!value.TryGetInt32(out var port) || port < 1 || port > 65535):
                problems.Add(path, "must be an integer from 1 to 65535");
                break;
            case FieldKind.Boolean when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                problems.Add(path, "must be a boolean");
                break;
            default:
                break;
        }
    }

    private static void ValidateTenancy(JsonElement tenancy, ValidationProblems problems)
    {
        if (tenancy.ValueKind != JsonValueKind.Object)
        {
            problems.Add("tenancySettings", "must be a JSON object");
            return;
        }

        string? level = null;
        if (!TryGetValue(tenancy, "tenancyLevel", out var levelElement))
        {
            problems.Add("tenancySettings.tenancyLevel", "is required");
        }
        else if (levelElement.ValueKind != JsonValueKind.String || !TenancyLevels.Contains(levelElement.GetString(), StringComparer.Ordinal))
        {
            problems.Add("tenancySettings.tenancyLevel", "must be one of \"TABLE\", \"DATABASE\"");
        }
        else
        {
            level = levelElement.GetString();
        }

        if (!TryGetValue(tenancy, "clientColumnType", out var columnType))
        {
            if (level == "TABLE")
            {
                problems.Add("tenancySettings.clientColumnType", "is required when tenancySettings.tenancyLevel is \"TABLE\"");
            }
        }
        else if (columnType.ValueKind != JsonValueKind.String || !ClientColumnTypes.Contains(columnType.GetString(), StringComparer.Ordinal))
        {
            problems.Add("tenancySettings.clientColumnType", "must be one of \"NUMBER\", \"STRING\"");
        }

        foreach (var name in TenancyStrings)
        {
            if (TryGetValue(tenancy, name, out var value) && value.ValueKind != JsonValueKind.String)
            {
                problems.Add("tenancySettings." + name, "must be a string");
            }
        }
    }

    /// <summary>A property that is present and not JSON <c>null</c> (null counts as omitted).</summary>
    private static bool TryGetValue(JsonElement parent, string name, out JsonElement value) =>
        parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
}
