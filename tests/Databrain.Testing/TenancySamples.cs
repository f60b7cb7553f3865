using Databrain.Client.Models;

namespace Databrain.Testing;

public static class TenancySamples
{
    /// <summary>Valid, complete table-level tenancy: every table field set.</summary>
    public static TenancySettings Table() => new()
    {
        TenancyLevel = TenancyLevel.Table,
        ClientColumnType = ClientColumnType.Number,
        SchemaName = "public",
        TableName = "clients",
        TableClientNameColumn = "client_name",
        TablePrimaryKeyColumn = "client_id",
    };
}
