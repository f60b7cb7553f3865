using Databrain.Client.Benchmarks.Floor;
using Refit;

namespace Databrain.Client.Benchmarks.Peers;

/// <summary>What a Refit user writes around the interface: paging, and a typed exception for an error answer.</summary>
public static class PeerCalls
{
    public static async Task<int> CountAllAsync(IPeerDatasourceApi api, CancellationToken cancellationToken = default)
    {
        var count = 0;
        for (var page = 1; ; page++)
        {
            var items = (await api.ListAsync("true", page, cancellationToken).ConfigureAwait(false)).Data ?? [];
            count += items.Count;
            if (items.Count != 10)
            {
                return count;
            }
        }
    }

    public static async Task<string?> CreateAsync(IPeerDatasourceApi api, WireDatasourceRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await api.CreateAsync(request, cancellationToken).ConfigureAwait(false)).Name;
        }
        catch (ApiException e)
        {
            var body = await e.GetContentAsAsync<WireErrorBody>().ConfigureAwait(false);
            throw new WireApiException((int)e.StatusCode, body?.Error?.Code, body?.Error?.Message);
        }
    }
}
