namespace Databrain.Emulator;

/// <summary>A column of a cached table.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The database's name of the column type, for example <c>integer</c> or <c>text</c>.</param>
public sealed record SchemaColumn(string Name, string Type);
