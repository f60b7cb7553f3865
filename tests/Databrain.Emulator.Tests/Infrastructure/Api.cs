using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Databrain.Emulator.Tests.Infrastructure;

/// <summary>Raw HTTP helpers: the tests speak JSON text to the emulator, not the SDK's models.</summary>
public static class Api
{
    public const string DatasourcePath = "api/v2/datasource";
    public const string SyncPath = "api/v2/datasource/sync";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(JsonNode node) => Json(node.ToJsonString());

    public static Task<HttpResponseMessage> CreateAsync(this HttpClient client, JsonNode body) =>
        client.PostAsync(DatasourcePath, Json(body));

    public static Task<HttpResponseMessage> CreateAsync(this HttpClient client, string body) =>
        client.PostAsync(DatasourcePath, Json(body));

    public static Task<HttpResponseMessage> UpdateAsync(this HttpClient client, JsonNode body) =>
        client.PutAsync(DatasourcePath, Json(body));

    public static Task<HttpResponseMessage> DeleteDatasourceAsync(this HttpClient client, string name) =>
        client.DeleteAsync(DatasourcePath + "?datasourceName=" + Uri.EscapeDataString(name));

    public static Task<HttpResponseMessage> SyncAsync(this HttpClient client, string datasourceId) =>
        client.PostAsync(SyncPath, Json(new JsonObject { ["input"] = new JsonObject { ["datasourceId"] = datasourceId } }));

    public static HttpClient Unauthenticated(this DatabrainEmulator emulator) => new() { BaseAddress = emulator.BaseAddress };

    public static HttpClient WithAuthorization(this DatabrainEmulator emulator, string scheme, string? parameter)
    {
        var client = emulator.Unauthenticated();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, parameter);
        return client;
    }

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("The body is JSON null.");
    }

    /// <summary>Asserts a 200 and returns its JSON body.</summary>
    public static async Task<JsonNode> ShouldSucceedAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(200, "the body was {0}", text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Parses the error envelope <c>{"error": {"code", "message", "status"}}</c>.</summary>
    public static async Task<ApiError> ReadErrorAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        var error = document.RootElement.GetProperty("error");
        int? status = error.TryGetProperty("status", out var s) ? s.GetInt32() : null;
        return new ApiError((int)response.StatusCode, error.GetProperty("code").GetString()!, error.GetProperty("message").GetString()!, status);
    }

    /// <summary>Asserts an error answer with this status and code, the envelope's status matching the HTTP one.</summary>
    public static async Task<ApiError> ShouldFailAsync(this HttpResponseMessage response, int status, string code)
    {
        var error = await response.ReadErrorAsync();
        error.HttpStatus.Should().Be(status, "the answer was {0}", error);
        error.Code.Should().Be(code, "the answer was {0}", error);
        error.EnvelopeStatus.Should().Be(status);
        response.Headers.TryGetValues("x-request-id", out var ids).Should().BeTrue();
        ids!.Single().Should().NotBeNullOrWhiteSpace();
        return error;
    }

    public static Task<ApiError> ShouldBeInvalidAsync(this HttpResponseMessage response) =>
        response.ShouldFailAsync(400, "INVALID_REQUEST_BODY");
}
