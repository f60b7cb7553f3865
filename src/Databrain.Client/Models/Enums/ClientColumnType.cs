using System.Text.Json.Serialization;
using Databrain.Client.Serialization;

namespace Databrain.Client.Models;

/// <summary>The type of the client identifier column (the wire field <c>clientColumnType</c>).</summary>
[JsonConverter(typeof(ClientColumnTypeJsonConverter))]
public enum ClientColumnType
{
    /// <summary>A numeric identifier. Sent as <c>"NUMBER"</c>.</summary>
    Number,

    /// <summary>A string identifier. Sent as <c>"STRING"</c>.</summary>
    String,
}
