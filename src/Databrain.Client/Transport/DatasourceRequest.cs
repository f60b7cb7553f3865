using System.Text.Json.Serialization;
using Databrain.Client.Models;
using Databrain.Client.Serialization;

namespace Databrain.Client.Transport;

/// <summary>The body of create and update: <c>{datasourceType, credentials, tenancySettings?}</c>.</summary>
[JsonConverter(typeof(DatasourceRequestJsonConverter))]
internal sealed record DatasourceRequest(
    [property: JsonPropertyName("datasourceType")] DatasourceType DatasourceType,
    [property: JsonPropertyName("credentials")] DatasourceCredentials Credentials,
    [property: JsonPropertyName("tenancySettings")] TenancySettings? TenancySettings);
