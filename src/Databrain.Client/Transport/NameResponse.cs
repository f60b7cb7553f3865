using System.Text.Json.Serialization;

namespace Databrain.Client.Transport;

/// <summary>The success body of create and update: <c>{"name": "..."}</c>.</summary>
internal sealed record NameResponse([property: JsonPropertyName("name")] string? Name);
