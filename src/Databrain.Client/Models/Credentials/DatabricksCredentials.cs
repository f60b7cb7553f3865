using System.Diagnostics;
using System.Text;
using System.Text.Json.Serialization;

namespace Databrain.Client.Models;

/// <summary>Credentials of a Databricks datasource (<c>datasourceType</c> <c>databricks</c>).</summary>
public sealed record DatabricksCredentials : DatasourceCredentials
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DatasourceType DatasourceType => DatasourceType.Databricks;

    /// <summary>Workspace server host name. Wire: <c>serverHostname</c>.</summary>
    [JsonPropertyName("serverHostname")]
    public required string ServerHostname { get; init; }

    /// <summary>HTTP path of the SQL warehouse or cluster. Wire: <c>httpPath</c>.</summary>
    [JsonPropertyName("httpPath")]
    public required string HttpPath { get; init; }

    /// <summary>Personal access token. Wire: <c>token</c>, secret.</summary>
    [JsonPropertyName("token")]
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public required string Token { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);
}
