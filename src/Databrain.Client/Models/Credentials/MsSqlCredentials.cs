using System.Diagnostics;
using System.Text;
using System.Text.Json.Serialization;

namespace Databrain.Client.Models;

/// <summary>Credentials of a Microsoft SQL Server datasource (<c>datasourceType</c> <c>mssql</c>).</summary>
public sealed record MsSqlCredentials : DatasourceCredentials
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DatasourceType DatasourceType => DatasourceType.MsSql;

    /// <summary>Server host name (wire name <c>server</c>, not <c>host</c>). Wire: <c>server</c>.</summary>
    [JsonPropertyName("server")]
    public required string Server { get; init; }

    /// <summary>TCP port, 1–65535. Wire: <c>port</c>.</summary>
    [JsonPropertyName("port")]
    public required int Port { get; init; }

    /// <summary>Database user (wire name <c>user</c>). Wire: <c>user</c>.</summary>
    [JsonPropertyName("user")]
    public required string User { get; init; }

    /// <summary>Database password. Wire: <c>password</c>, secret.</summary>
    [JsonPropertyName("password")]
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public required string Password { get; init; }

    /// <summary>Database name. Wire: <c>database</c>, optional.</summary>
    [JsonPropertyName("database")]
    public string? Database { get; init; }

    /// <summary>Whether to connect without selecting a database (wire name <c>isDisableDatabase</c>). Wire: <c>isDisableDatabase</c>, optional.</summary>
    [JsonPropertyName("isDisableDatabase")]
    public bool? DisableDatabase { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);
}
