using System.Text.Json.Serialization;

namespace Databrain.Client.Benchmarks.Floor;

/// <summary>The hand-written floor's own Postgres <c>credentials</c> object: exactly the wire fields.</summary>
public sealed record WirePostgresCredentials(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("port")] int Port,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("database")] string Database,
    [property: JsonPropertyName("schema")] string Schema);
