using Databrain.Client.Serialization;
using Refit;

namespace Databrain.Client.Transport;

/// <summary>Builds the generated Refit client (no reflection) on the SDK's JSON context.</summary>
internal static class DatabrainRefit
{
    /// <summary>
    /// The context's own options (naming, null handling) on Refit's source-generated fast path, with
    /// buffered bodies so <c>Content-Length</c> is sent instead of a chunked stream.
    /// </summary>
    public static RefitSettings Settings { get; } = CreateSettings();

    public static IDatabrainApi CreateApi(HttpClient httpClient) => RestService.ForGenerated<IDatabrainApi>(httpClient, Settings);

    private static RefitSettings CreateSettings()
    {
        var settings = RefitSettings.ForJsonContext(DatabrainJsonContext.Default);
        settings.Buffered = true;
        return settings;
    }
}
