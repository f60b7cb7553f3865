using System.Diagnostics;
using System.Text;
using System.Text.Json.Serialization;

namespace Databrain.Client.Models;

/// <summary>Credentials of a Trino datasource (<c>datasourceType</c> <c>trino</c>).</summary>
public sealed record TrinoCredentials : DatasourceCredentials
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DatasourceType DatasourceType => DatasourceType.Trino;

    /// <summary>Coordinator host name or IP address. Wire: <c>host</c>.</summary>
    [JsonPropertyName("host")]
    public required string Host { get; init; }

    /// <summary>TCP port, 1–65535. Wire: <c>port</c>.</summary>
    [JsonPropertyName("port")]
    public required int Port { get; init; }

    /// <summary>Catalog name. Wire: <c>catalog</c>.</summary>
    [JsonPropertyName("catalog")]
    public required string Catalog { get; init; }

    /// <summary>Schema name. Wire: <c>schema</c>.</summary>
    [JsonPropertyName("schema")]
    public required string Schema { get; init; }

    /// <summary>User name. Wire: <c>username</c>.</summary>
    [JsonPropertyName("username")]
    public required string Username { get; init; }

    /// <summary>Password. Wire: <c>password</c>, secret.</summary>
    [JsonPropertyName("password")]
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public required string Password { get; init; }

    /// <summary>Whether to connect through an SSH tunnel; <see cref="Models.SshTunnel.Enable"/> makes the four <c>ssh*</c> fields required. Wire: <c>sshTunnel</c>, optional.</summary>
    [JsonPropertyName("sshTunnel")]
    public SshTunnel? SshTunnel { get; init; }

    /// <summary>SSH bastion host; required when the tunnel is enabled. Wire: <c>sshHost</c>, optional.</summary>
    [JsonPropertyName("sshHost")]
    public string? SshHost { get; init; }

    /// <summary>SSH port; required when the tunnel is enabled. Wire: <c>sshPort</c>, optional.</summary>
    [JsonPropertyName("sshPort")]
    public int? SshPort { get; init; }

    /// <summary>SSH user; required when the tunnel is enabled. Wire: <c>sshUsername</c>, optional.</summary>
    [JsonPropertyName("sshUsername")]
    public string? SshUsername { get; init; }

    /// <summary>SSH private key; required when the tunnel is enabled. Wire: <c>sshPrivateKey</c>, secret, optional.</summary>
    [JsonPropertyName("sshPrivateKey")]
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string? SshPrivateKey { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);
}
