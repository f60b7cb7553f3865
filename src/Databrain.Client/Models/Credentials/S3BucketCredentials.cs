using System.Diagnostics;
using System.Text;
using System.Text.Json.Serialization;

namespace Databrain.Client.Models;

/// <summary>The wire shape shared by <c>awss3</c> and <c>csv</c>: files in an S3 bucket.</summary>
public abstract record S3BucketCredentials : DatasourceCredentials
{
    private protected S3BucketCredentials()
    {
    }

    /// <summary>S3 bucket name. Wire: <c>bucketName</c>.</summary>
    [JsonPropertyName("bucketName")]
    public required string BucketName { get; init; }

    /// <summary>Path inside the bucket; may be the empty string. Wire: <c>datasetPath</c>, optional.</summary>
    [JsonPropertyName("datasetPath")]
    public string? DatasetPath { get; init; }

    /// <summary>Bucket region, for example <c>us-east-1</c>. Wire: <c>s3Region</c>.</summary>
    [JsonPropertyName("s3Region")]
    public required string S3Region { get; init; }

    /// <summary>Whether each file or each folder is a table. Wire: <c>tableLevel</c>, optional.</summary>
    [JsonPropertyName("tableLevel")]
    public TableLevel? TableLevel { get; init; }

    /// <summary>AWS access key id (masked like a secret). Wire: <c>s3AccessKeyId</c>, secret.</summary>
    [JsonPropertyName("s3AccessKeyId")]
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public required string S3AccessKeyId { get; init; }

    /// <summary>AWS secret access key. Wire: <c>s3SecretAccessKey</c>, secret.</summary>
    [JsonPropertyName("s3SecretAccessKey")]
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public required string S3SecretAccessKey { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);
}
