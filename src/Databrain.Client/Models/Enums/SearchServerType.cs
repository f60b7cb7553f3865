using System.Text.Json.Serialization;
using Databrain.Client.Serialization;

namespace Databrain.Client.Models;

/// <summary>Where an Elasticsearch or OpenSearch cluster runs (the wire field <c>server_type</c>).</summary>
[JsonConverter(typeof(SearchServerTypeJsonConverter))]
public enum SearchServerType
{
    /// <summary>Elastic Cloud; <c>cloud_id</c> is required. Sent as <c>"elastic-cloud"</c>.</summary>
    ElasticCloud,

    /// <summary>A managed OpenSearch cloud; <c>cloud_id</c> is required. Sent as <c>"open-cloud"</c>.</summary>
    OpenCloud,

    /// <summary>A self-managed cluster; <c>server_url</c> is required. Sent as <c>"self-managed"</c>.</summary>
    SelfManaged,
}
