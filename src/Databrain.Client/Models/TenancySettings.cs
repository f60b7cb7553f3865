using System.Text.Json;
using System.Text.Json.Serialization;
using Databrain.Client.Serialization;

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

    /// <summary>
    /// Reads a wire-format <c>tenancySettings</c> object (as in a config file), as strictly as
    /// <see cref="DatasourceCredentials.FromJson(DatasourceType, JsonElement)"/> reads credentials: a field the object
    /// does not have is a problem, not silently dropped.
    /// </summary>
    /// <param name="tenancySettings">The <c>tenancySettings</c> JSON object, for example <c>{"tenancyLevel": "DATABASE"}</c>.</param>
    /// <returns>The settings, checked against <see cref="DatasourceValidator"/>'s rules.</returns>
    /// <exception cref="DatabrainValidationException">
    /// The element is not an object, a field it does not have, a missing <c>tenancyLevel</c>, a value of the wrong JSON
    /// type or outside its enum (<c>tenancySettings.tenancyLevel: must be one of "TABLE", "DATABASE".</c>), or, once
    /// every field reads, a rule between them (TABLE needs <c>clientColumnType</c> and the mapping table). Every
    /// problem at once, named by its path; no value is ever quoted.
    /// </exception>
    public static TenancySettings FromJson(JsonElement tenancySettings)
    {
        var problems = new List<ValidationProblem>();
        return TenancySettingsReader.Read(tenancySettings, problems) ?? throw new DatabrainValidationException(null, problems);
    }
}
