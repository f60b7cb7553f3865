using System.Diagnostics;
using System.Text;
using System.Text.Json.Serialization;

namespace Databrain.Client.Models;

/// <summary>Credentials of a Google BigQuery datasource (<c>datasourceType</c> <c>bigquery</c>).</summary>
public sealed record BigQueryCredentials : DatasourceCredentials
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DatasourceType DatasourceType => DatasourceType.BigQuery;

    /// <summary>The service-account key, as the JSON text of the key file. Wire: <c>credentials_json</c>, secret.</summary>
    [JsonPropertyName("credentials_json")]
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public required string CredentialsJson { get; init; }

    /// <summary>Google Cloud project id. Wire: <c>project_id</c>.</summary>
    [JsonPropertyName("project_id")]
    public required string ProjectId { get; init; }

    /// <summary>Dataset location, for example <c>US</c> or <c>EU</c>. Wire: <c>dataset_location</c>.</summary>
    [JsonPropertyName("dataset_location")]
    public required string DatasetLocation { get; init; }

    /// <summary>Dataset id. Wire: <c>dataset_id</c>, optional.</summary>
    [JsonPropertyName("dataset_id")]
    public string? DatasetId { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);
}
