using System.Text.Json.Serialization;

namespace Databrain.Client.Benchmarks.Floor;

/// <summary>The floor's (and the Refit peers') own source-generated JSON context.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WireDatasourceRequest))]
[JsonSerializable(typeof(WireName))]
[JsonSerializable(typeof(WireList))]
[JsonSerializable(typeof(WireDeleted))]
[JsonSerializable(typeof(WireErrorBody))]
public sealed partial class WireJsonContext : JsonSerializerContext
{
}
