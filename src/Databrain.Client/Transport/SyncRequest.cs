using System.Text.Json.Serialization;

namespace Databrain.Client.Transport;

/// <summary>The body of sync: <c>{"input": {"datasourceId": "..."}}</c>.</summary>
internal sealed record SyncRequest([property: JsonPropertyName("input")] SyncInput Input);
