namespace Databrain.Client.DesiredState;

/// <summary>What a plan does to one datasource.</summary>
public enum DatasourceAction
{
    /// <summary>The name is not on the server: create it (an upsert, so a datasource that appeared since is updated).</summary>
    Create,

    /// <summary>The name is on the server: replace its credentials (the API returns names only, so an existing datasource is always updated).</summary>
    Update,

    /// <summary>The name is on the server under the prune prefix and not in the desired set: delete it.</summary>
    Delete,
}
