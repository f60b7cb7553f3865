using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Databrain.Client.Resilience;
using Databrain.Client.Serialization;

namespace Databrain.Client.Transport;

/// <summary>
/// Builds the datasource API's requests by hand: absolute URIs under the base address (its path kept, as for
/// a self-hosted DataBrain under a prefix), bodies serialized once into bytes with the source-generated
/// context (so <c>Content-Length</c> is sent and a retry re-sends the same bytes). The fixed URIs are built
/// once per client. Create and delete carry their <see cref="UnrepeatableCall"/> in the request's options, where the
/// retry strategy records whether a retry is pending.
/// </summary>
internal sealed class DatabrainRequests
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private const string DatasourcePath = "api/v2/datasource";
    private static readonly HttpRequestOptionsKey<UnrepeatableCall> UnrepeatableKey = new(UnrepeatableCall.OptionKey);

    private readonly string _datasourceUrl;
    private readonly Uri _datasourceUri;
    private readonly Uri _syncUri;

    public DatabrainRequests(Uri baseAddress)
    {
        var root = baseAddress.AbsoluteUri;
        _datasourceUrl = (root.EndsWith('/') ? root : root + "/") + DatasourcePath;
        _datasourceUri = new Uri(_datasourceUrl);
        _syncUri = new Uri(_datasourceUrl + "/sync");
    }

    /// <summary><c>POST /api/v2/datasource</c>.</summary>
    public HttpRequestMessage Create(DatasourceRequest body, UnrepeatableCall call) =>
        Unrepeatable(WithBody(HttpMethod.Post, _datasourceUri, body, DatabrainJsonContext.Default.DatasourceRequest), call);

    /// <summary><c>PUT /api/v2/datasource</c>.</summary>
    public HttpRequestMessage Update(DatasourceRequest body) =>
        WithBody(HttpMethod.Put, _datasourceUri, body, DatabrainJsonContext.Default.DatasourceRequest);

    /// <summary><c>GET /api/v2/datasource?isPagination=true&amp;pageNumber=n</c>.</summary>
    public HttpRequestMessage ListPage(int pageNumber) => new(
        HttpMethod.Get,
        new Uri(string.Concat(_datasourceUrl, "?isPagination=true&pageNumber=", pageNumber.ToString(CultureInfo.InvariantCulture))));

    /// <summary><c>DELETE /api/v2/datasource?datasourceName=...</c>, the name URL-encoded.</summary>
    public HttpRequestMessage Delete(string name, UnrepeatableCall call) => Unrepeatable(
        new HttpRequestMessage(HttpMethod.Delete, new Uri(string.Concat(_datasourceUrl, "?datasourceName=", Uri.EscapeDataString(name)))),
        call);

    /// <summary><c>POST /api/v2/datasource/sync</c>.</summary>
    public HttpRequestMessage Sync(SyncRequest body) =>
        WithBody(HttpMethod.Post, _syncUri, body, DatabrainJsonContext.Default.SyncRequest);

    private static HttpRequestMessage Unrepeatable(HttpRequestMessage request, UnrepeatableCall call)
    {
        request.Options.Set(UnrepeatableKey, call);
        return request;
    }

    private static HttpRequestMessage WithBody<T>(HttpMethod method, Uri uri, T body, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.TryAddWithoutValidation("Content-Type", JsonContentType);
        return new HttpRequestMessage(method, uri) { Content = content };
    }
}
