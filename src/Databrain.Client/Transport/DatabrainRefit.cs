using Refit;

namespace Databrain.Client.Transport;

/// <summary>Builds the generated Refit client (no reflection).</summary>
internal static class DatabrainRefit
{
    // Refit serializes nothing of ours (bodies arrive as HttpContent, answers leave as HttpResponseMessage), so its
    // default settings are never used for JSON.
    private static readonly RefitSettings Settings = new();

    public static IDatabrainApi CreateApi(HttpClient httpClient) => RestService.ForGenerated<IDatabrainApi>(httpClient, Settings);
}
