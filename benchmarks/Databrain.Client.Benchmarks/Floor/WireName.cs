using System.Text.Json.Serialization;

namespace Databrain.Client.Benchmarks.Floor;

/// <summary>The success body of create and update, and one item of a list page.</summary>
public sealed record WireName([property: JsonPropertyName("name")] string? Name);
