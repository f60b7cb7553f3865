using Databrain.Client.Models;

namespace Databrain.Client.Serialization;

/// <summary>Wire strings of <see cref="TableLevel"/>.</summary>
internal sealed class TableLevelJsonConverter : WireEnumConverter<TableLevel>
{
    public static TableLevelJsonConverter Instance { get; } = new();

    public TableLevelJsonConverter()
        : base(
            (TableLevel.File, "File"),
            (TableLevel.Folder, "Folder"))
    {
    }
}
