namespace Databrain.Client.Models;

/// <summary>What an upsert did.</summary>
public enum UpsertAction
{
    /// <summary>The datasource did not exist and was created.</summary>
    Created,

    /// <summary>The datasource existed (or may have: a create got no answer) and was updated.</summary>
    Updated,
}
