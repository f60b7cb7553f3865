using System.Text.Json.Serialization;

namespace Databrain.Client.Benchmarks.Floor;

/// <summary>The success body of delete.</summary>
public sealed record WireDeleted(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("message")] string? Message);
