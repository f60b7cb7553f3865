using System.Net;
using System.Text.Json.Nodes;
using Databrain.Emulator.Tests.Infrastructure;

namespace Databrain.Emulator.Tests;

/// <summary>Latency, injected failures, rate limit and reset, through the API and the /_emulator endpoints.</summary>
public sealed class KnobTests : EmulatorTestBase
{
    private readonly RecordingTimeProvider _time = new();

    protected override DatabrainEmulatorOptions CreateOptions() => new() { AcceptAllConnections = true, TimeProvider = _time };

    [Fact]
    public async Task LatencyDelaysTheAnswerByTheConfiguredTime()
    {
        Emulator.Latency = TimeSpan.FromSeconds(3);

        var pending = Client.GetAsync(Api.DatasourcePath);
        var due = await _time.NextTimerAsync();

        due.Should().Be(TimeSpan.FromSeconds(3));
        pending.IsCompleted.Should().BeFalse("the answer waits for the emulator's clock");
        _time.Advance(TimeSpan.FromSeconds(3));
        await (await pending).ShouldSucceedAsync();
    }

    [Fact]
    public async Task LatencyFromTheOptionsAppliesFromTheStart()
    {
        var time = new RecordingTimeProvider();
        await using var emulator = await DatabrainEmulator.StartAsync(new DatabrainEmulatorOptions
        {
            AcceptAllConnections = true,
            TimeProvider = time,
            Latency = TimeSpan.FromMilliseconds(750),
        });
        using var client = emulator.CreateClient();

        var pending = client.GetAsync(Api.DatasourcePath);
        (await time.NextTimerAsync()).Should().Be(TimeSpan.FromMilliseconds(750));
        time.Advance(TimeSpan.FromMilliseconds(750));
        await (await pending).ShouldSucceedAsync();
    }

    [Fact]
    public async Task NoLatencyMeansNoTimer()
    {
        await (await Client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();
        _time.HasPendingTimer.Should().BeFalse();
    }

    [Fact]
    public async Task LatencyDoesNotApplyToTheEmulatorEndpoints()
    {
        Emulator.Latency = TimeSpan.FromHours(1);
        await (await Client.GetAsync("_emulator/datasources")).ShouldSucceedAsync();
        _time.HasPendingTimer.Should().BeFalse();
    }

    [Fact]
    public async Task LatencyCanBeSetOverHttp()
    {
        var response = await Client.PutAsync("_emulator/latency", Api.Json("""{"milliseconds":250}"""));
        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        Emulator.Latency.Should().Be(TimeSpan.FromMilliseconds(250));

        await (await Client.PutAsync("_emulator/latency", Api.Json("""{"milliseconds":-1}"""))).ShouldBeInvalidAsync();
        await (await Client.PutAsync("_emulator/latency", Api.Json("""{"ms":5}"""))).ShouldBeInvalidAsync();
        Emulator.Latency.Should().Be(TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task FailNextRequestsFailsExactlyThatMany()
    {
        Emulator.FailNextRequests(2, 503, "INTERNAL_SERVER_ERROR", "Service unavailable", TimeSpan.FromSeconds(7));
        Emulator.PendingFailures.Should().Be(2);

        for (var i = 0; i < 2; i++)
        {
            var response = await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("m"));
            var error = await response.ShouldFailAsync(503, "INTERNAL_SERVER_ERROR");
            error.Message.Should().Be("Service unavailable");
            response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(7));
        }

        Emulator.PendingFailures.Should().Be(0);
        Emulator.Datasources.Should().BeEmpty("failed requests are not handled");
        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("m"))).ShouldSucceedAsync();
    }

    [Fact]
    public async Task InjectedFailuresHaveADefaultMessageAndNoRetryAfter()
    {
        Emulator.FailNextRequests(1, 500, "SCHEMA_CACHE_FAILED");
        var response = await Client.GetAsync(Api.DatasourcePath);
        (await response.ShouldFailAsync(500, "SCHEMA_CACHE_FAILED")).Message.Should().Contain("SCHEMA_CACHE_FAILED");
        response.Headers.RetryAfter.Should().BeNull();
    }

    [Fact]
    public async Task InjectedFailuresComeBeforeAuthentication()
    {
        Emulator.FailNextRequests(1, 502, "BAD_GATEWAY");
        using var anonymous = Emulator.Unauthenticated();
        await (await anonymous.GetAsync(Api.DatasourcePath)).ShouldFailAsync(502, "BAD_GATEWAY");
        await (await anonymous.GetAsync(Api.DatasourcePath)).ShouldFailAsync(401, "AUTHENTICATION_ERROR");
    }

    [Fact]
    public async Task ClearFailuresCancelsThem()
    {
        Emulator.FailNextRequests(5, 500, "INTERNAL_SERVER_ERROR");
        Emulator.ClearFailures();
        Emulator.PendingFailures.Should().Be(0);
        await (await Client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();
    }

    [Fact]
    public async Task FailuresDoNotApplyToTheEmulatorEndpoints()
    {
        Emulator.FailNextRequests(1, 500, "INTERNAL_SERVER_ERROR");
        await (await Client.GetAsync("_emulator/datasources")).ShouldSucceedAsync();
        Emulator.PendingFailures.Should().Be(1);
    }

    [Fact]
    public async Task FailuresCanBeInjectedOverHttp()
    {
        var set = await Client.PostAsync("_emulator/failures", Api.Json("""{"count":3,"status":429,"code":"RATE_LIMITED","message":"slow down","retryAfterSeconds":2}"""));
        set.StatusCode.Should().Be(HttpStatusCode.NoContent);
        Emulator.PendingFailures.Should().Be(3);

        var response = await Client.DeleteDatasourceAsync("x");
        (await response.ShouldFailAsync(429, "RATE_LIMITED")).Message.Should().Be("slow down");
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(2));

        (await Client.DeleteAsync("_emulator/failures")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        Emulator.PendingFailures.Should().Be(0);
    }

    [Theory]
    [InlineData("""{"status":500,"code":"X"}""", "count")]
    [InlineData("""{"count":0,"status":500,"code":"X"}""", "count")]
    [InlineData("""{"count":1,"status":99,"code":"X"}""", "status")]
    [InlineData("""{"count":1,"status":600,"code":"X"}""", "status")]
    [InlineData("""{"count":1,"status":500}""", "code")]
    [InlineData("""{"count":1,"status":500,"code":"X","retryAfterSeconds":"soon"}""", "retryAfterSeconds")]
    [InlineData("[]", "body must be a JSON object")]
    public async Task BadFailureKnobsAreRefused(string json, string named)
    {
        var error = await (await Client.PostAsync("_emulator/failures", Api.Json(json))).ShouldBeInvalidAsync();
        error.Message.Should().Contain(named);
        Emulator.PendingFailures.Should().Be(0);
    }

    [Fact]
    public void FailNextRequestsChecksItsArguments()
    {
        var act = () => Emulator.FailNextRequests(0, 500, "X");
        act.Should().Throw<ArgumentOutOfRangeException>();
        act = () => Emulator.FailNextRequests(1, 700, "X");
        act.Should().Throw<ArgumentOutOfRangeException>();
        act = () => Emulator.FailNextRequests(1, 500, " ");
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task RateLimitAnswers429WithRetryAfterUntilTheWindowEnds()
    {
        Emulator.SetRateLimit(3, TimeSpan.FromMinutes(1));
        for (var i = 0; i < 3; i++)
        {
            await (await Client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();
        }

        var limited = await Client.GetAsync(Api.DatasourcePath);
        await limited.ShouldFailAsync(429, "TOO_MANY_REQUESTS");
        limited.Headers.GetValues("Retry-After").Single().Should().Be("60");

        _time.Advance(TimeSpan.FromSeconds(20.5));
        var stillLimited = await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("m"));
        await stillLimited.ShouldFailAsync(429, "TOO_MANY_REQUESTS");
        stillLimited.Headers.GetValues("Retry-After").Single().Should().Be("40", "39.5 s left, rounded up");
        Emulator.Datasources.Should().BeEmpty();

        _time.Advance(TimeSpan.FromSeconds(39.5));
        for (var i = 0; i < 3; i++)
        {
            await (await Client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();
        }

        await (await Client.GetAsync(Api.DatasourcePath)).ShouldFailAsync(429, "TOO_MANY_REQUESTS");
    }

    [Fact]
    public async Task RateLimitCountsUnauthenticatedRequestsButNotEmulatorEndpoints()
    {
        Emulator.SetRateLimit(2, TimeSpan.FromMinutes(2));
        using var anonymous = Emulator.Unauthenticated();
        await (await anonymous.GetAsync(Api.DatasourcePath)).ShouldFailAsync(401, "AUTHENTICATION_ERROR");
        await (await Client.GetAsync("_emulator/datasources")).ShouldSucceedAsync();
        await (await Client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();
        await (await Client.GetAsync(Api.DatasourcePath)).ShouldFailAsync(429, "TOO_MANY_REQUESTS");
    }

    [Fact]
    public async Task ClearRateLimitLiftsIt()
    {
        Emulator.SetRateLimit(1, TimeSpan.FromHours(1));
        await (await Client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();
        await (await Client.GetAsync(Api.DatasourcePath)).ShouldFailAsync(429, "TOO_MANY_REQUESTS");
        Emulator.ClearRateLimit();
        await (await Client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();
    }

    [Fact]
    public async Task RateLimitFromTheOptionsAppliesFromTheStart_AndAgainAfterAReset()
    {
        var time = new RecordingTimeProvider();
        await using var emulator = await DatabrainEmulator.StartAsync(new DatabrainEmulatorOptions
        {
            AcceptAllConnections = true,
            TimeProvider = time,
            RateLimitPermitLimit = 2,
            RateLimitWindow = TimeSpan.FromSeconds(30),
        });
        using var client = emulator.CreateClient();

        await (await client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();
        await (await client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();
        var limited = await client.GetAsync(Api.DatasourcePath);
        await limited.ShouldFailAsync(429, "TOO_MANY_REQUESTS");
        limited.Headers.GetValues("Retry-After").Single().Should().Be("30");

        emulator.Reset();

        await (await client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();
        await (await client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();
        await (await client.GetAsync(Api.DatasourcePath)).ShouldFailAsync(429, "TOO_MANY_REQUESTS");
    }

    [Fact]
    public async Task AnInvalidRateLimitInTheOptions_FailsTheStart()
    {
        var start = () => DatabrainEmulator.StartAsync(new DatabrainEmulatorOptions { AcceptAllConnections = true, RateLimitPermitLimit = 0 });

        await start.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task RateLimitCanBeSetOverHttp()
    {
        (await Client.PutAsync("_emulator/rate-limit", Api.Json("""{"permitLimit":1,"windowSeconds":120}""")))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await Client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();
        var limited = await Client.GetAsync(Api.DatasourcePath);
        await limited.ShouldFailAsync(429, "TOO_MANY_REQUESTS");
        limited.Headers.GetValues("Retry-After").Single().Should().Be("120");

        (await Client.DeleteAsync("_emulator/rate-limit")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await Client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();

        await (await Client.PutAsync("_emulator/rate-limit", Api.Json("""{"permitLimit":0,"windowSeconds":0}"""))).ShouldBeInvalidAsync();
    }

    [Fact]
    public async Task ResetForgetsDatasourcesAndKnobs()
    {
        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("a"))).ShouldSucceedAsync();
        Emulator.SetConnectionProbe("mysql", ConnectionProbeMode.Reject);
        Emulator.FailNextRequests(3, 500, "INTERNAL_SERVER_ERROR");
        Emulator.SetRateLimit(1, TimeSpan.FromHours(1));
        Emulator.Latency = TimeSpan.FromSeconds(1);
        var token = Emulator.ServiceToken;
        var address = Emulator.BaseAddress;

        Emulator.Reset();

        Emulator.Datasources.Should().BeEmpty();
        Emulator.PendingFailures.Should().Be(0);
        Emulator.Latency.Should().Be(TimeSpan.Zero);
        Emulator.ServiceToken.Should().Be(token);
        Emulator.BaseAddress.Should().Be(address);
        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("a"))).ShouldSucceedAsync();
        await (await Client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();
        _time.HasPendingTimer.Should().BeFalse();
    }

    [Fact]
    public async Task ResetCanBeAskedOverHttp()
    {
        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("a"))).ShouldSucceedAsync();
        Emulator.FailNextRequests(1, 500, "INTERNAL_SERVER_ERROR");

        (await Client.PostAsync("_emulator/reset", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        Emulator.Datasources.Should().BeEmpty();
        var body = await (await Client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();
        body["data"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task InUseCanBeSetOverHttp()
    {
        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("busy"))).ShouldSucceedAsync();
        (await Client.PutAsync("_emulator/datasources/busy/in-use", Api.Json("""{"inUse":true}""")))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await Client.DeleteDatasourceAsync("busy")).ShouldFailAsync(400, "DATASOURCE_IN_USE");

        await (await Client.PutAsync("_emulator/datasources/nobody/in-use", Api.Json("""{"inUse":true}""")))
            .ShouldFailAsync(404, "DATASOURCE_NOT_FOUND");
        await (await Client.PutAsync("_emulator/datasources/busy/in-use", Api.Json("""{"inUse":"yes"}"""))).ShouldBeInvalidAsync();
    }

    [Fact]
    public async Task EmulatorDatasourceListShowsIdsButNoCredentials()
    {
        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("a"))).ShouldSucceedAsync();
        var response = await Client.GetAsync("_emulator/datasources");
        var text = await response.Content.ReadAsStringAsync();
        var item = JsonNode.Parse(text)!["datasources"]!.AsArray().Single()!;

        item["name"]!.GetValue<string>().Should().Be("a");
        item["id"]!.GetValue<string>().Should().Be(Emulator.FindDatasource("a")!.Id.ToString("D"));
        item["datasourceType"]!.GetValue<string>().Should().Be("mysql");
        text.Should().NotContain(DatasourceSamples.Password).And.NotContain("db.example.com");
    }
}
