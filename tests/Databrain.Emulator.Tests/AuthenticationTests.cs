using Databrain.Emulator.Tests.Infrastructure;

namespace Databrain.Emulator.Tests;

/// <summary>Every endpoint needs <c>Authorization: Bearer &lt;service token&gt;</c>.</summary>
public sealed class AuthenticationTests(AcceptAllEmulatorFixture fixture) : IClassFixture<AcceptAllEmulatorFixture>
{
    public static TheoryData<string, string> Endpoints() => new()
    {
        { "POST", Api.DatasourcePath },
        { "PUT", Api.DatasourcePath },
        { "GET", Api.DatasourcePath + "?isPagination=true&pageNumber=1" },
        { "DELETE", Api.DatasourcePath + "?datasourceName=x" },
        { "POST", Api.SyncPath },
        { "GET", "_emulator/datasources" },
        { "GET", "_emulator/datasources/x/schema" },
        { "POST", "_emulator/reset" },
        { "PUT", "_emulator/latency" },
        { "POST", "_emulator/failures" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task MissingTokenIsAnAuthenticationError(string method, string path)
    {
        using var client = fixture.Emulator.Unauthenticated();
        await AssertRefusedAsync(client, method, path);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task WrongTokenIsAnAuthenticationError(string method, string path)
    {
        using var client = fixture.Emulator.WithAuthorization("Bearer", fixture.Emulator.ServiceToken + "x");
        await AssertRefusedAsync(client, method, path);
    }

    [Theory]
    [InlineData("Basic", "token")]
    [InlineData("Bearer", null)]
    [InlineData("Bearer", "wrong")]
    [InlineData("Token", "token")]
    public async Task OtherAuthorizationHeadersAreRefused(string scheme, string? parameter)
    {
        var token = fixture.Emulator.ServiceToken;
        using var client = fixture.Emulator.WithAuthorization(scheme, parameter == "token" ? token : parameter);
        await AssertRefusedAsync(client, "GET", Api.DatasourcePath);
    }

    [Fact]
    public async Task TokenOfAnotherEmulatorIsRefused()
    {
        await using var other = await DatabrainEmulator.StartAsync(new DatabrainEmulatorOptions { AcceptAllConnections = true });
        other.ServiceToken.Should().NotBe(fixture.Emulator.ServiceToken, "each emulator generates its own random token");
        using var client = fixture.Emulator.WithAuthorization("Bearer", other.ServiceToken);
        await AssertRefusedAsync(client, "GET", Api.DatasourcePath);
    }

    [Fact]
    public async Task TheBearerSchemeIsCaseInsensitive()
    {
        using var client = fixture.Emulator.Unauthenticated();
        using var request = new HttpRequestMessage(HttpMethod.Get, Api.DatasourcePath);
        request.Headers.TryAddWithoutValidation("Authorization", "bearer " + fixture.Emulator.ServiceToken);
        await (await client.SendAsync(request)).ShouldSucceedAsync();
    }

    [Fact]
    public async Task AGivenTokenIsUsed()
    {
        await using var emulator = await DatabrainEmulator.StartAsync(new DatabrainEmulatorOptions { ServiceToken = "my-own-token" });
        emulator.ServiceToken.Should().Be("my-own-token");
        using var client = emulator.WithAuthorization("Bearer", "my-own-token");
        await (await client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();
    }

    [Fact]
    public async Task RefusalsDoNotRepeatTheToken()
    {
        using var client = fixture.Emulator.WithAuthorization("Bearer", "almost-" + fixture.Emulator.ServiceToken);
        var response = await client.GetAsync(Api.DatasourcePath);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().NotContain(fixture.Emulator.ServiceToken);
        response.Headers.WwwAuthenticate.Should().ContainSingle().Which.Scheme.Should().Be("Bearer");
    }

    private static async Task AssertRefusedAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = Api.Json(DatasourceSamples.Get("mysql").Body(Names.Unique("auth")));
        }

        var response = await client.SendAsync(request);
        var error = await response.ShouldFailAsync(401, "AUTHENTICATION_ERROR");
        error.Message.Should().NotBeNullOrWhiteSpace();
    }
}
