using System.Diagnostics;
using System.Text;
using System.Text.Json.Serialization;

namespace Databrain.Client.Models;

/// <summary>The wire shape shared by <c>elasticsearch</c> and <c>opensearch</c>.</summary>
public abstract record SearchEngineCredentials : DatasourceCredentials
{
    private protected SearchEngineCredentials()
    {
    }

    /// <summary>Where the cluster runs; decides whether <see cref="CloudId"/> or <see cref="ServerUrl"/> is required. Wire: <c>server_type</c>.</summary>
    [JsonPropertyName("server_type")]
    public required SearchServerType ServerType { get; init; }

    /// <summary>Cloud deployment id; required for <see cref="SearchServerType.ElasticCloud"/> and <see cref="SearchServerType.OpenCloud"/>. Wire: <c>cloud_id</c>, optional.</summary>
    [JsonPropertyName("cloud_id")]
    public string? CloudId { get; init; }

    /// <summary>Cluster URL; required for <see cref="SearchServerType.SelfManaged"/>. Wire: <c>server_url</c>, optional.</summary>
    [JsonPropertyName("server_url")]
    public string? ServerUrl { get; init; }

    /// <summary>User name. Wire: <c>username</c>.</summary>
    [JsonPropertyName("username")]
    public required string Username { get; init; }

    /// <summary>Password. Wire: <c>password</c>, secret.</summary>
    [JsonPropertyName("password")]
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public required string Password { get; init; }

    /// <summary>Whether to skip certificate verification. Wire: <c>isIgnoreVerifyCert</c>, optional.</summary>
    [JsonPropertyName("isIgnoreVerifyCert")]
    public bool? IgnoreVerifyCert { get; init; }

    /// <summary>Whether to connect without SSL. Wire: <c>isIgnoreSsl</c>, optional.</summary>
    [JsonPropertyName("isIgnoreSsl")]
    public bool? IgnoreSsl { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);
}
