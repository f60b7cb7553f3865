using System.Diagnostics;
using System.Text;
using System.Text.Json.Serialization;

namespace Databrain.Client.Models;

/// <summary>Credentials of a SingleStore datasource (<c>datasourceType</c> <c>singlestore</c>).</summary>
public sealed record SingleStoreCredentials : DatasourceCredentials
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DatasourceType DatasourceType => DatasourceType.SingleStore;

    /// <summary>Server host name or IP address. Wire: <c>host</c>.</summary>
    [JsonPropertyName("host")]
    public required string Host { get; init; }

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

    /// <summary>Database name. Wire: <c>database</c>.</summary>
    [JsonPropertyName("database")]
    public required string Database { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);
}
