using System.Text.Json.Serialization;

namespace Databrain.Client.Models;

/// <summary>
/// How a datasource separates the data of your clients (the optional <c>tenancySettings</c> of a
/// create or update). On update, omitting it leaves the current settings unchanged.
/// </summary>
public sealed record TenancySettings
{
    /// <summary>Table-level or database-level tenancy. Wire: <c>tenancyLevel</c>.</summary>
    [JsonPropertyName("tenancyLevel")]
    public required TenancyLevel TenancyLevel { get; init; }

    /// <summary>The type of the client identifier; required for <see cref="TenancyLevel.Table"/>. Wire: <c>clientColumnType</c>.</summary>
    [JsonPropertyName("clientColumnType")]
    public ClientColumnType? ClientColumnType { get; init; }

    /// <summary>Schema of the client-mapping table (table level). Wire: <c>schemaName</c>.</summary>
    [JsonPropertyName("schemaName")]
    public string? SchemaName { get; init; }

    /// <summary>The client-mapping table (table level). Wire: <c>tableName</c>.</summary>
    [JsonPropertyName("tableName")]
    public string? TableName { get; init; }

    /// <summary>The column holding client names (table level). Wire: <c>tableClientNameColumn</c>.</summary>
    [JsonPropertyName("tableClientNameColumn")]
    public string? TableClientNameColumn { get; init; }

    /// <summary>The table's primary key column (table level). Wire: <c>tablePrimaryKeyColumn</c>.</summary>
    [JsonPropertyName("tablePrimaryKeyColumn")]
    public string? TablePrimaryKeyColumn { get; init; }
}
