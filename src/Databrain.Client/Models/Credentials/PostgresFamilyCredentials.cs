using System.Diagnostics;
using System.Text;
using System.Text.Json.Serialization;

namespace Databrain.Client.Models;

/// <summary>The wire shape shared by <c>postgres</c> and <c>redshift</c>.</summary>
public abstract record PostgresFamilyCredentials : DatasourceCredentials
{
    private protected PostgresFamilyCredentials()
    {
    }

    /// <summary>Database host name or IP address. Wire: <c>host</c>.</summary>
    [JsonPropertyName("host")]
    public required string Host { get; init; }

    /// <summary>TCP port, 1–65535. Wire: <c>port</c>.</summary>
    [JsonPropertyName("port")]
    public required int Port { get; init; }

    /// <summary>Database user. Wire: <c>username</c>.</summary>
    [JsonPropertyName("username")]
    public required string Username { get; init; }

    /// <summary>Database password. Wire: <c>password</c>, secret.</summary>
    [JsonPropertyName("password")]
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public required string Password { get; init; }

    /// <summary>Database name. Wire: <c>database</c>.</summary>
    [JsonPropertyName("database")]
    public required string Database { get; init; }

    /// <summary>Schema to read, for example <c>public</c>. Wire: <c>schema</c>.</summary>
    [JsonPropertyName("schema")]
    public required string Schema { get; init; }

    /// <summary>Whether to connect with SSL. Wire: <c>sslMode</c>, optional.</summary>
    [JsonPropertyName("sslMode")]
    public bool? SslMode { get; init; }

    /// <summary>Whether to connect through an SSH tunnel. Wire: <c>sshTunnel</c>, optional.</summary>
    [JsonPropertyName("sshTunnel")]
    public SshTunnel? SshTunnel { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);
}
