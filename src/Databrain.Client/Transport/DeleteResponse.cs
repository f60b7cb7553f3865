using System.Text.Json.Serialization;

namespace Databrain.Client.Transport;

/// <summary>The success body of delete: <c>{"id": "...", "message": "..."}</c>.</summary>
internal sealed record DeleteResponse(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("message")] string? Message);
