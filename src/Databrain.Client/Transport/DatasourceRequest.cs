using System.Text.Json.Serialization;
using Databrain.Client.Models;
using Databrain.Client.Serialization;

namespace Databrain.Client.Transport;

/// <summary>
/// The body of create and update: <c>{datasourceType, credentials, tenancySettings?}</c>. Its converter writes the
/// names and takes <c>datasourceType</c> from the credentials.
/// </summary>
[JsonConverter(typeof(DatasourceRequestJsonConverter))]
internal sealed record DatasourceRequest(DatasourceCredentials Credentials, TenancySettings? TenancySettings);
