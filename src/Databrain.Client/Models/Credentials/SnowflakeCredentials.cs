using System.Diagnostics;
using System.Text;
using System.Text.Json.Serialization;

namespace Databrain.Client.Models;

/// <summary>Credentials of a Snowflake datasource (<c>datasourceType</c> <c>snowflake</c>).</summary>
public sealed record SnowflakeCredentials : DatasourceCredentials
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DatasourceType DatasourceType => DatasourceType.Snowflake;

    /// <summary>Account host, for example <c>your-account.snowflakecomputing.com</c>. Wire: <c>host</c>.</summary>
    [JsonPropertyName("host")]
    public required string Host { get; init; }

    /// <summary>Snowflake user. Wire: <c>username</c>.</summary>
    [JsonPropertyName("username")]
    public required string Username { get; init; }

    /// <summary>Role to use. Wire: <c>role</c>.</summary>
    [JsonPropertyName("role")]
    public required string Role { get; init; }

    /// <summary>Warehouse to run queries on. Wire: <c>warehouse</c>.</summary>
    [JsonPropertyName("warehouse")]
    public required string Warehouse { get; init; }

    /// <summary>Database name. Wire: <c>database</c>.</summary>
    [JsonPropertyName("database")]
    public required string Database { get; init; }

    /// <summary>Schema name. Wire: <c>schema</c>.</summary>
    [JsonPropertyName("schema")]
    public required string Schema { get; init; }

    /// <summary>How to authenticate (wire name <c>credentials</c>); decides whether <see cref="Password"/> or <see cref="PrivateKey"/> is required. Wire: <c>credentials</c>.</summary>
    [JsonPropertyName("credentials")]
    public required SnowflakeAuthMethod AuthenticationMethod { get; init; }

    /// <summary>Password; required for <see cref="SnowflakeAuthMethod.UsernamePassword"/>. Wire: <c>password</c>, secret, optional.</summary>
    [JsonPropertyName("password")]
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string? Password { get; init; }

    /// <summary>Private key; required for <see cref="SnowflakeAuthMethod.KeyPair"/>. Wire: <c>privateKey</c>, secret, optional.</summary>
    [JsonPropertyName("privateKey")]
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string? PrivateKey { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);
}
