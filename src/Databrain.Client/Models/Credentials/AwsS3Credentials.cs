using System.Text;
using System.Text.Json.Serialization;

namespace Databrain.Client.Models;

/// <summary>Credentials of a files in an Amazon S3 bucket datasource (<c>datasourceType</c> <c>awss3</c>).</summary>
public sealed record AwsS3Credentials : S3BucketCredentials
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DatasourceType DatasourceType => DatasourceType.AwsS3;

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);
}
