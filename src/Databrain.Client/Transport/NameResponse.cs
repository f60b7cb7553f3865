using System.Text.Json.Serialization;
using Databrain.Client.Serialization;

namespace Databrain.Client.Transport;

/// <summary>
/// The success body of create and update, and each item of a list page: <c>{"name": "..."}</c>. The documented
/// answers carry no id; a server that adds one (a string or a number) has it read, and one that does not is fine.
/// </summary>
internal sealed record NameResponse(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("id"), JsonConverter(typeof(TolerantIdJsonConverter))] string? Id = null);
