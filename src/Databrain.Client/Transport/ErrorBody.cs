using System.Text.Json;

namespace Databrain.Client.Transport;

/// <summary>
/// What an error response said, read defensively: <c>{"error": {"code", "message"}}</c>, <c>error</c> as a
/// plain string, or a body that is empty, HTML or truncated (then only a short description, never the body).
/// </summary>
internal readonly record struct ErrorBody(string? Code, string? Message)
{
    private const int MaxMessageLength = 500;

    public static ErrorBody Parse(string? body, string? mediaType)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new ErrorBody(null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ErrorBody(null, Describe(body, mediaType));
            }

            if (root.TryGetProperty("error", out var error))
            {
                switch (error.ValueKind)
                {
                    case JsonValueKind.Object:
                        return new ErrorBody(ReadString(error, "code"), Truncate(ReadString(error, "message")));
                    case JsonValueKind.String:
                        return new ErrorBody(null, Truncate(error.GetString()));
                }
            }

            return new ErrorBody(ReadString(root, "code"), Truncate(ReadString(root, "message")));
        }
        catch (JsonException)
        {
            return new ErrorBody(null, Describe(body, mediaType));
        }
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Describe(string body, string? mediaType) =>
        $"the response body is not a JSON error ({mediaType ?? "no content type"}, {body.Length} characters)";

    private static string? Truncate(string? message) =>
        message is { Length: > MaxMessageLength } ? string.Concat(message.AsSpan(0, MaxMessageLength), "…") : message;
}
