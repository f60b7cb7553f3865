using System.Text.Json.Serialization;

namespace Databrain.Client.Benchmarks.Floor;

/// <summary>The body of create and update, as the floor and the Refit peers send it.</summary>
public sealed record WireDatasourceRequest(
    [property: JsonPropertyName("datasourceType")] string DatasourceType,
    [property: JsonPropertyName("credentials")] WirePostgresCredentials Credentials);
