using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Databrain.Client.Benchmarks.Floor;

/// <summary>
/// The floor: the datasource API over a bare <see cref="HttpClient"/>, written as a performance-minded
/// engineer would write it by hand. Headers are set once on the client; bodies are serialized with a
/// source-generated context into one byte array (so <c>Content-Length</c> is sent, as the SDK does);
/// responses are read as a stream without buffering; the status check is a branch.
/// </summary>
public sealed class FloorClient : IDisposable
{
    private static readonly Uri DatasourceUri = new("api/v2/datasource", UriKind.Relative);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;

    /// <param name="handler">The handler at the bottom (the in-memory server, or a socket pool).</param>
    /// <param name="baseAddress">The API's base address.</param>
    /// <param name="token">The service token.</param>
    public FloorClient(HttpMessageHandler handler, Uri baseAddress, string token)
    {
        _http = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Floor", "1.0"));
    }

    public Task<string?> CreateAsync(WireDatasourceRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(HttpMethod.Post, request, cancellationToken);

    public Task<string?> UpdateAsync(WireDatasourceRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(HttpMethod.Put, request, cancellationToken);

    public async Task<List<WireName>> ListPageAsync(int pageNumber, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(
            HttpMethod.Get, "api/v2/datasource?isPagination=true&pageNumber=" + pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var list = await SendAsync(message, WireJsonContext.Default.WireList, cancellationToken).ConfigureAwait(false);
        return list?.Data ?? throw new WireApiException(200, null, "the response has no data array");
    }

    public async Task<int> CountAllAsync(CancellationToken cancellationToken = default)
    {
        var count = 0;
        for (var page = 1; ; page++)
        {
            var items = await ListPageAsync(page, cancellationToken).ConfigureAwait(false);
            count += items.Count;
            if (items.Count != 10)
            {
                return count;
            }
        }
    }

    public async Task<WireDeleted?> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Delete, "api/v2/datasource?datasourceName=" + Uri.EscapeDataString(name));
        return await SendAsync(message, WireJsonContext.Default.WireDeleted, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private async Task<string?> WriteAsync(HttpMethod method, WireDatasourceRequest request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, WireJsonContext.Default.WireDatasourceRequest));
        content.Headers.ContentType = Json;
        using var message = new HttpRequestMessage(method, DatasourceUri) { Content = content };
        var created = await SendAsync(message, WireJsonContext.Default.WireName, cancellationToken).ConfigureAwait(false);
        return created?.Name ?? request.Credentials.Name;
    }

    private async Task<T?> SendAsync<T>(HttpRequestMessage message, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return await JsonSerializer.DeserializeAsync(body, typeInfo, cancellationToken).ConfigureAwait(false);
        }

        WireErrorBody? error = null;
        try
        {
            error = await JsonSerializer.DeserializeAsync(body, WireJsonContext.Default.WireErrorBody, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            // Not a JSON error body (a proxy's HTML page): the status alone says what happened.
        }

        throw new WireApiException((int)response.StatusCode, error?.Error?.Code, error?.Error?.Message);
    }
}
