using System.Text.Json.Nodes;

namespace Databrain.Emulator.Tests.Infrastructure;

/// <summary>
/// A valid request body for one datasource type, written from the spec (section 4) independently
/// of the emulator's own table, with the fields the spec marks required for this body.
/// </summary>
public sealed class DatasourceSample(string type, string credentialsJson, params string[] required)
{
    public string Type { get; } = type;

    /// <summary>The fields required for this sample (always-required ones plus those its conditional rules require).</summary>
    public IReadOnlyList<string> Required { get; } = required;

    /// <summary>Every field of the sample but <c>name</c>.</summary>
    public IReadOnlyList<string> Fields => [.. Credentials("x").Select(pair => pair.Key).Where(key => key != "name")];

    /// <summary>A fresh copy of the credentials with this name.</summary>
    public JsonObject Credentials(string name)
    {
        var credentials = (JsonObject)JsonNode.Parse(credentialsJson)!;
        credentials.Insert(0, "name", name);
        return credentials;
    }

    /// <summary>A fresh create/update body.</summary>
    public JsonObject Body(string name, Action<JsonObject>? change = null)
    {
        var credentials = Credentials(name);
        change?.Invoke(credentials);
        return new JsonObject { ["datasourceType"] = Type, ["credentials"] = credentials };
    }

    public override string ToString() => Type;
}
