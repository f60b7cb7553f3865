using System.Text;
using System.Text.Json.Serialization;

namespace Databrain.Client.Models;

/// <summary>Credentials of a PostgreSQL datasource (<c>datasourceType</c> <c>postgres</c>).</summary>
public sealed record PostgresCredentials : PostgresFamilyCredentials
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DatasourceType DatasourceType => DatasourceType.Postgres;

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);
}
