using System.Diagnostics;
using System.Text;
using System.Text.Json.Serialization;

namespace Databrain.Client.Models;

/// <summary>Credentials of a Amazon Athena datasource (<c>datasourceType</c> <c>athena</c>).</summary>
public sealed record AthenaCredentials : DatasourceCredentials
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DatasourceType DatasourceType => DatasourceType.Athena;

    /// <summary>Athena database. Wire: <c>database</c>.</summary>
    [JsonPropertyName("database")]
    public required string Database { get; init; }

    /// <summary>S3 location for query results. Wire: <c>outputBucket</c>.</summary>
    [JsonPropertyName("outputBucket")]
    public required string OutputBucket { get; init; }

    /// <summary>AWS access key id (masked like a secret). Wire: <c>s3AccessKeyId</c>, secret.</summary>
    [JsonPropertyName("s3AccessKeyId")]
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public required string S3AccessKeyId { get; init; }

    /// <summary>AWS region. Wire: <c>s3Region</c>.</summary>
    [JsonPropertyName("s3Region")]
    public required string S3Region { get; init; }

    /// <summary>AWS secret access key. Wire: <c>s3SecretAccessKey</c>, secret.</summary>
    [JsonPropertyName("s3SecretAccessKey")]
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public required string S3SecretAccessKey { get; init; }

    /// <summary>Athena data catalog id. Wire: <c>datasourceId</c>, optional.</summary>
    [JsonPropertyName("datasourceId")]
    public string? DatasourceId { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);
}
