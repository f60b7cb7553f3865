using System.Text.Json.Serialization;

namespace Databrain.Client.Transport;

/// <summary>The success body of list: <c>{"data": [{"name": "..."}]}</c>.</summary>
internal sealed record ListResponse([property: JsonPropertyName("data")] IReadOnlyList<NameResponse>? Data);
