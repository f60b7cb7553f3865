using System.Text.Json.Serialization;

namespace Databrain.Client.Benchmarks.Floor;

/// <summary>The <c>error</c> object of an error body.</summary>
public sealed record WireError(
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("message")] string? Message);
