using System.Text;
using System.Text.Json.Serialization;

namespace Databrain.Client.Models;

/// <summary>Credentials of a Elasticsearch datasource (<c>datasourceType</c> <c>elasticsearch</c>).</summary>
public sealed record ElasticsearchCredentials : SearchEngineCredentials
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DatasourceType DatasourceType => DatasourceType.Elasticsearch;

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);
}
