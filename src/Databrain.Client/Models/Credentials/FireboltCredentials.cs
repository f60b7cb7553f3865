using System.Diagnostics;
using System.Text;
using System.Text.Json.Serialization;

namespace Databrain.Client.Models;

/// <summary>Credentials of a Firebolt datasource (<c>datasourceType</c> <c>firebolt</c>).</summary>
public sealed record FireboltCredentials : DatasourceCredentials
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DatasourceType DatasourceType => DatasourceType.Firebolt;

    /// <summary>Service account client id. Wire: <c>client_id</c>.</summary>
    [JsonPropertyName("client_id")]
    public required string ClientId { get; init; }

    /// <summary>Service account client secret. Wire: <c>client_secret</c>, secret.</summary>
    [JsonPropertyName("client_secret")]
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public required string ClientSecret { get; init; }

    /// <summary>Firebolt account name. Wire: <c>account</c>.</summary>
    [JsonPropertyName("account")]
    public required string Account { get; init; }

    /// <summary>Database name. Wire: <c>database</c>.</summary>
    [JsonPropertyName("database")]
    public required string Database { get; init; }

    /// <summary>Engine to run queries on. Wire: <c>engineName</c>.</summary>
    [JsonPropertyName("engineName")]
    public required string EngineName { get; init; }

    /// <summary>Schema name. Wire: <c>schema</c>, optional.</summary>
    [JsonPropertyName("schema")]
    public string? Schema { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);
}
