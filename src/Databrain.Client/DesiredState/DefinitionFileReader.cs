using System.Globalization;
using System.Text.Json;
using Databrain.Client.Models;
using Databrain.Client.Serialization;
using Databrain.Client.Validation;

namespace Databrain.Client.DesiredState;

/// <summary>
/// Reads a definitions file's text (see <see cref="DatasourceDefinitionFile"/>): each entry's references resolved
/// (<see cref="SecretReferences"/>), then read by the same readers as a single request body
/// (<see cref="CredentialsReader"/>, <see cref="TenancySettingsReader"/>), then the set checked as a whole (a name
/// that appears twice). Every problem of every entry is collected before anything is thrown, each under a path that
/// starts with the entry's index: <c>[2].credentials.password</c>.
/// </summary>
internal static class DefinitionFileReader
{
    /// <summary>The path of the file as a whole.</summary>
    public const string RootPath = "$";

    private const string ObjectName = "definitions file";
    private const string TypeField = "datasourceType";
    private const string CredentialsField = "credentials";
    private const string TenancyField = "tenancySettings";

    private static readonly string[] Fields = [TypeField, CredentialsField, TenancyField];

    public static IReadOnlyList<DatasourceDefinition> Read(string json, string baseDirectory, Func<string, string?> environment)
    {
        using (var document = JsonTextPosition.Parse(json, ObjectName))
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new DatabrainValidationException(null, [new ValidationProblem(
                    RootPath, "must be a JSON array of definitions: [{\"datasourceType\": ..., \"credentials\": {...}}, ...].")]);
            }

            return ReadEntries(document.RootElement, new SecretReferences(baseDirectory, environment));
        }
    }

    private static List<DatasourceDefinition> ReadEntries(JsonElement root, SecretReferences references)
    {
        var problems = new List<ValidationProblem>();
        var definitions = new List<DatasourceDefinition>();
        // Each name and the entry it first appeared in.
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var entry in root.EnumerateArray())
        {
            var path = "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new ValidationProblem(path, "must be a JSON object: {\"datasourceType\": ..., \"credentials\": {...}}."));
                index++;
                continue;
            }

            var resolvedJson = references.Resolve(entry, path, problems);
            try
            {
                using var resolved = JsonDocument.Parse(resolvedJson);
                if (ReadEntry(resolved.RootElement, path, problems) is { } definition)
                {
                    definitions.Add(definition);
                }

                if (NameOf(resolved.RootElement) is { } name)
                {
                    if (names.TryGetValue(name, out var first))
                    {
                        problems.Add(new ValidationProblem(
                            path + ".credentials.name",
                            $"is the same as [{first.ToString(CultureInfo.InvariantCulture)}].credentials.name; each name must appear once (names are case-sensitive)."));
                    }
                    else
                    {
                        names[name] = index;
                    }
                }
            }
            finally
            {
                // The resolved secrets live on in the records only.
                Array.Clear(resolvedJson, 0, resolvedJson.Length);
            }

            index++;
        }

        return problems.Count == 0 ? definitions : throw new DatabrainValidationException(null, problems);
    }

    // The definition, or null when a problem was added.
    private static DatasourceDefinition? ReadEntry(JsonElement entry, string path, List<ValidationProblem> problems)
    {
        var before = problems.Count;
        string? type = null;
        JsonElement? credentialsJson = null;
        JsonElement? tenancyJson = null;
        var typeSeen = false;
        foreach (var property in entry.EnumerateObject())
        {
            switch (property.Name)
            {
                case TypeField:
                    typeSeen = true;
                    type = ReadType(property.Value, path, problems);
                    break;
                case CredentialsField:
                    credentialsJson = property.Value;
                    break;
                case TenancyField:
                    tenancyJson = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
                    break;
                default:
                    problems.Add(new ValidationProblem(path + "." + property.Name, UnknownFieldMessage(property.Name)));
                    break;
            }
        }

        if (!typeSeen)
        {
            problems.Add(new ValidationProblem(path + "." + TypeField, "is required."));
        }

        if (credentialsJson is null)
        {
            problems.Add(new ValidationProblem(path + "." + CredentialsField, "is required."));
        }

        DatasourceCredentials? credentials = null;
        if (type is not null && credentialsJson is { } json)
        {
            try
            {
                // The escape hatch stays open: a type far from every documented one reads as CustomCredentials.
                credentials = CredentialsReader.Read(new DatasourceType(type), json);
            }
            catch (DatabrainValidationException exception)
            {
                AddUnder(path, exception.Problems, problems);
            }
        }

        TenancySettings? tenancySettings = null;
        if (tenancyJson is { } tenancy)
        {
            var tenancyProblems = new List<ValidationProblem>();
            tenancySettings = TenancySettingsReader.Read(tenancy, tenancyProblems);
            AddUnder(path, tenancyProblems, problems);
        }

        return problems.Count > before || credentials is null
            ? null
            : new DatasourceDefinition { Credentials = credentials, TenancySettings = tenancySettings };
    }

    private static string? ReadType(JsonElement value, string path, List<ValidationProblem> problems)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(new ValidationProblem(path + "." + TypeField, "must be a JSON string: a documented type such as \"postgres\", or any newer one."));
            return null;
        }

        var type = value.GetString()!;
        if (string.IsNullOrWhiteSpace(type))
        {
            problems.Add(new ValidationProblem(path + "." + TypeField, "is required and must not be empty or white space."));
            return null;
        }

        return type;
    }

    private static string UnknownFieldMessage(string field)
    {
        var meant = NearMiss.Fields(field, Fields);
        var known = "not a definition field (datasourceType, credentials, tenancySettings)";
        return meant.Count == 0 ? known + "." : $"{known}; did you mean {NearMiss.Quoted(meant)}?";
    }

    // The entry's credentials.name when it is a string, even if the entry is otherwise invalid: a duplicate is
    // reported with the entry's other problems, not after they are fixed.
    private static string? NameOf(JsonElement entry) =>
        entry.TryGetProperty(CredentialsField, out var credentials)
        && credentials.ValueKind == JsonValueKind.Object
        && credentials.TryGetProperty("name", out var name)
        && name.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(name.GetString())
            ? name.GetString()
            : null;

    // "credentials.port" of entry 2 is "[2].credentials.port".
    private static void AddUnder(string path, IEnumerable<ValidationProblem> found, List<ValidationProblem> problems)
    {
        foreach (var problem in found)
        {
            problems.Add(new ValidationProblem(path + "." + problem.Field, problem.Message));
        }
    }
}
