namespace Databrain.Client;

/// <summary>The datasource API operation a call or a failure belongs to.</summary>
public enum DatabrainOperation
{
    /// <summary>Create a datasource: <c>POST /api/v2/datasource</c>.</summary>
    Create,

    /// <summary>Update a datasource: <c>PUT /api/v2/datasource</c>.</summary>
    Update,

    /// <summary>List datasources: <c>GET /api/v2/datasource</c>.</summary>
    List,

    /// <summary>Delete a datasource: <c>DELETE /api/v2/datasource</c>.</summary>
    Delete,

    /// <summary>Sync a datasource: <c>POST /api/v2/datasource/sync</c>.</summary>
    Sync,
}
