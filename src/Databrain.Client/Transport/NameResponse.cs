using System.Text.Json;
using System.Text.Json.Serialization;

namespace Databrain.Client.Transport;

/// <summary>
/// The success body of create and update, and each item of a list page: <c>{"name": "..."}</c>. The documented
/// answers carry no id; a server that adds one (a string or a number) has it read, and one that does not is fine.
/// </summary>
internal sealed record NameResponse(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("id")] JsonElement? Id = null)
{
    /// <summary>The id as text, whether the server sent it as a string or a number; otherwise <see langword="null"/>.</summary>
    [JsonIgnore]
    public string? IdText => Id switch
    {
        { ValueKind: JsonValueKind.String } id => id.GetString(),
        { ValueKind: JsonValueKind.Number } id => id.GetRawText(),
        _ => null,
    };
}
