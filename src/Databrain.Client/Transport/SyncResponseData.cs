using System.Text.Json.Serialization;

namespace Databrain.Client.Transport;

/// <summary>The <c>data</c> object of a sync response.</summary>
internal sealed record SyncResponseData([property: JsonPropertyName("message")] string? Message);
