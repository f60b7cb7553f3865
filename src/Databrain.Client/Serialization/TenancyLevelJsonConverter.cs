using Databrain.Client.Models;

namespace Databrain.Client.Serialization;

/// <summary>Wire strings of <see cref="TenancyLevel"/>.</summary>
internal sealed class TenancyLevelJsonConverter : WireEnumConverter<TenancyLevel>
{
    public static TenancyLevelJsonConverter Instance { get; } = new();

    public TenancyLevelJsonConverter()
        : base(
            (TenancyLevel.Table, "TABLE"),
            (TenancyLevel.Database, "DATABASE"))
    {
    }
}
