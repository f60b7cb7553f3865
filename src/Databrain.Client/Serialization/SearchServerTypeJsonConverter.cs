using Databrain.Client.Models;

namespace Databrain.Client.Serialization;

/// <summary>Wire strings of <see cref="SearchServerType"/>.</summary>
internal sealed class SearchServerTypeJsonConverter : WireEnumConverter<SearchServerType>
{
    public static SearchServerTypeJsonConverter Instance { get; } = new();

    public SearchServerTypeJsonConverter()
        : base(
            (SearchServerType.ElasticCloud, "elastic-cloud"),
            (SearchServerType.OpenCloud, "open-cloud"),
            (SearchServerType.SelfManaged, "self-managed"))
    {
    }
}
