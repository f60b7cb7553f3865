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
    private const string DatasourceNameItem = "Databrain.Emulator.DatasourceName";

    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string RequestId(HttpContext context) =>
        context.Items.TryGetValue(RequestIdItem, out var id) && id is string text ? text : string.Empty;

    /// <summary>Notes the datasource an endpoint acted on, for the request log.</summary>
    public static void NoteDatasourceName(HttpContext context, string? name)
    {
        if (name is not null)
        {
            context.Items[DatasourceNameItem] = name;
        }
    }

    public static string? DatasourceName(HttpContext context) =>
        context.Items.TryGetValue(DatasourceNameItem, out var name) ? name as string : null;

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
    /// <remarks><paramref name="retryAfter"/> is written in whole seconds, rounded up (so zero stays <c>0</c>).</remarks>
    public static Task WriteErrorAsync(HttpContext context, int status, string code, string message, TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } delay)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
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
