using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Databrain.Emulator.Http;

/// <summary>Writes JSON bodies and the error envelope.</summary>
internal static class HttpResponses
{
    public const string RequestIdHeader = "x-request-id";
    private const string RequestIdItem = "Databrain.Emulator.RequestId";

    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string RequestId(HttpContext context) =>
        context.Items.TryGetValue(RequestIdItem, out var id) && id is string text ? text : string.Empty;

    public static string AssignRequestId(HttpContext context)
    {
        var id = Guid.NewGuid().ToString("D");
        context.Items[RequestIdItem] = id;
        context.Response.Headers[RequestIdHeader] = id;
        return id;
    }

    public static Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString(WriteOptions), context.RequestAborted);
    }

    /// <summary><c>{"error": {"code", "message", "status"}}</c>.</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string code, string message, TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } delay)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds(delay).ToString(CultureInfo.InvariantCulture);
        }

        return WriteJsonAsync(context, status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["status"] = status,
            },
        });
    }

    public static Task NoContent(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>Whole seconds, rounded up, at least 1.</summary>
    public static long RetryAfterSeconds(TimeSpan delay) => Math.Max(1, (long)Math.Ceiling(delay.TotalSeconds));
}
