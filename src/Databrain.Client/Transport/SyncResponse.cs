using System.Text.Json.Serialization;

namespace Databrain.Client.Transport;

/// <summary>The success body of sync: <c>{"data": {"message": "..."}}</c>.</summary>
internal sealed record SyncResponse([property: JsonPropertyName("data")] SyncResponseData? Data);
