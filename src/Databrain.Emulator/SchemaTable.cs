namespace Databrain.Emulator;

/// <summary>A table (or view) of a cached schema.</summary>
/// <param name="Name">The table name.</param>
/// <param name="Columns">Its columns, in their ordinal order.</param>
public sealed record SchemaTable(string Name, IReadOnlyList<SchemaColumn> Columns);
