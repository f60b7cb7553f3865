using System.Text.Json;
using Databrain.Client.Secrets;

namespace Databrain.Client.Errors;

/// <summary>
/// What an error response said, read defensively: <c>{"error": {"code", "message"}}</c>, <c>error</c> as a
/// plain string, or a body that is empty, HTML or truncated (then only a short description, never the body).
/// The code and the message are scrubbed of the request's secrets before the message is shortened, so a secret
/// that straddles the cut is masked whole rather than half of it kept.
/// </summary>
internal readonly record struct ErrorBody(string? Code, string? Message)
{
    private const int MaxMessageLength = 500;

    public static ErrorBody Parse(string? body, string? mediaType, SecretScrubber scrubber)
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
                        return new ErrorBody(scrubber.Scrub(ReadString(error, "code")), Truncate(scrubber.Scrub(ReadString(error, "message"))));
                    case JsonValueKind.String:
                        return new ErrorBody(null, Truncate(scrubber.Scrub(error.GetString())));
                }
            }

            return new ErrorBody(scrubber.Scrub(ReadString(root, "code")), Truncate(scrubber.Scrub(ReadString(root, "message"))));
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
        message is { Length: > MaxMessageLength } ? message.Substring(0, MaxMessageLength) + "…" : message;
}
