using System.Text.Json.Serialization;
using Databrain.Client.Serialization;

namespace Databrain.Client.Models;

/// <summary>How a datasource separates the data of each of your clients (the wire field <c>tenancyLevel</c>).</summary>
[JsonConverter(typeof(TenancyLevelJsonConverter))]
public enum TenancyLevel
{
    /// <summary>One table maps client identifiers; <c>clientColumnType</c> is required. Sent as <c>"TABLE"</c>.</summary>
    Table,

    /// <summary>Each client has its own database. Sent as <c>"DATABASE"</c>.</summary>
    Database,
}
