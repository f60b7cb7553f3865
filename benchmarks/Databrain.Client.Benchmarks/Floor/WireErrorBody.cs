using System.Text.Json.Serialization;

namespace Databrain.Client.Benchmarks.Floor;

/// <summary>An error body: <c>{"error": {"code", "message"}}</c>.</summary>
public sealed record WireErrorBody([property: JsonPropertyName("error")] WireError? Error);
