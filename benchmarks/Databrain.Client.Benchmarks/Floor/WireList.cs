using System.Text.Json.Serialization;

namespace Databrain.Client.Benchmarks.Floor;

/// <summary>The success body of list.</summary>
public sealed record WireList([property: JsonPropertyName("data")] List<WireName>? Data);
