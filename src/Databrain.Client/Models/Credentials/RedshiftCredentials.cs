using System.Text;
using System.Text.Json.Serialization;

namespace Databrain.Client.Models;

/// <summary>Credentials of a Amazon Redshift datasource (<c>datasourceType</c> <c>redshift</c>).</summary>
public sealed record RedshiftCredentials : PostgresFamilyCredentials
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DatasourceType DatasourceType => DatasourceType.Redshift;

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);
}
