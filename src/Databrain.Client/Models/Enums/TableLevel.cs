using System.Text.Json.Serialization;
using Databrain.Client.Serialization;

namespace Databrain.Client.Models;

/// <summary>How files in an S3 bucket map to tables (the wire field <c>tableLevel</c>).</summary>
[JsonConverter(typeof(TableLevelJsonConverter))]
public enum TableLevel
{
    /// <summary>Each file is a table. Sent as <c>"File"</c>.</summary>
    File,

    /// <summary>Each folder is a table. Sent as <c>"Folder"</c>.</summary>
    Folder,
}
