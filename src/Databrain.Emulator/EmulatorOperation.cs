namespace Databrain.Emulator;

/// <summary>The DataBrain operations the emulator answers, for the per-operation knobs and the request log.</summary>
public enum EmulatorOperation
{
    /// <summary><c>POST /api/v2/datasource</c>.</summary>
    Create,

    /// <summary><c>PUT /api/v2/datasource</c>.</summary>
    Update,

    /// <summary><c>GET /api/v2/datasource</c>.</summary>
    List,

    /// <summary><c>DELETE /api/v2/datasource</c>.</summary>
    Delete,

    /// <summary><c>POST /api/v2/datasource/sync</c>.</summary>
    Sync,
}
