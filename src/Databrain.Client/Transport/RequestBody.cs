using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Databrain.Client.Transport;

/// <summary>
/// A request body serialized once, by the source-generated context, into bytes. Each attempt sends it as fresh
/// <see cref="HttpContent"/> over the same bytes (Refit disposes the content of every request it sends).
/// </summary>
internal sealed class RequestBody
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly byte[] _bytes;

    private RequestBody(byte[] bytes) => _bytes = bytes;

    /// <summary>The empty body of a delete.</summary>
    public static RequestBody Empty { get; } = new([]);

    public static RequestBody Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => new(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    /// <summary>The content of one attempt. Sharing the header value is safe: nothing changes it once sent.</summary>
    public HttpContent NewContent()
    {
        var content = new ByteArrayContent(_bytes);
        if (_bytes.Length > 0)
        {
            content.Headers.ContentType = Json;
        }

        return content;
    }
}
