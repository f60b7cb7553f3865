using Databrain.Client.Models;

namespace Databrain.Client.DesiredState;

/// <summary>
/// One datasource as it should exist: its credentials and, optionally, its tenancy settings. The shape of a create
/// request's body (<c>{"datasourceType", "credentials", "tenancySettings"}</c>), read from a definitions file by
/// <see cref="DatasourceDefinitionFile"/> or built in code.
/// </summary>
public sealed record DatasourceDefinition
{
    /// <summary>The datasource's credentials; their <see cref="DatasourceCredentials.Name"/> identifies it.</summary>
    public required DatasourceCredentials Credentials { get; init; }

    /// <summary>How the datasource separates your clients' data, if it does.</summary>
    public TenancySettings? TenancySettings { get; init; }

    /// <summary>The datasource's name (<see cref="DatasourceCredentials.Name"/>).</summary>
    public string Name => Credentials.Name;

    /// <summary>The name and type only: a definition holds secrets, which never appear here.</summary>
    /// <returns>For example <c>production-postgres (postgres)</c>.</returns>
    public override string ToString() => $"{Name} ({Credentials.DatasourceType.Value})";
}
