namespace Databrain.Emulator;

/// <summary>
/// The schema a connection probe cached for a datasource: the tables of the datasource's schema,
/// as the emulator's <c>GET /_emulator/datasources/{name}/schema</c> endpoint returns them.
/// </summary>
/// <param name="Tables">The tables, ordered by name.</param>
public sealed record DatasourceSchema(IReadOnlyList<SchemaTable> Tables)
{
    /// <summary>A schema with no tables.</summary>
    public static DatasourceSchema Empty { get; } = new([]);
}
