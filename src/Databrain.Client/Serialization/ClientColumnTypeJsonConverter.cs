using Databrain.Client.Models;

namespace Databrain.Client.Serialization;

/// <summary>Wire strings of <see cref="ClientColumnType"/>.</summary>
internal sealed class ClientColumnTypeJsonConverter : WireEnumConverter<ClientColumnType>
{
    public static ClientColumnTypeJsonConverter Instance { get; } = new();

    public ClientColumnTypeJsonConverter()
        : base(
            (ClientColumnType.Number, "NUMBER"),
            (ClientColumnType.String, "STRING"))
    {
    }
}
