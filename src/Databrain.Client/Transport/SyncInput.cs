using System.Text.Json.Serialization;

namespace Databrain.Client.Transport;

/// <summary>The <c>input</c> object of a sync request.</summary>
internal sealed record SyncInput([property: JsonPropertyName("datasourceId")] string DatasourceId);
