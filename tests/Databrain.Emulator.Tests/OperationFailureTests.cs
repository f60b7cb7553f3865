using System.Net;
using System.Text.Json.Nodes;
using Databrain.Emulator.Tests.Infrastructure;

namespace Databrain.Emulator.Tests;

/// <summary>Per-operation injected failures (next N or a seeded probability), latency jitter and the request log.</summary>
public sealed class OperationFailureTests : EmulatorTestBase
{
    private static readonly DatasourceSample MySql = DatasourceSamples.Get("mysql");
    private readonly RecordingTimeProvider _time = new();

    protected override DatabrainEmulatorOptions CreateOptions() => new() { AcceptAllConnections = true, RecordRequests = true, TimeProvider = _time };

    [Fact]
    public async Task FailRequests_FailsExactlyThatManyOfItsOperation_WithRetryAfterZero()
    {
        Emulator.FailRequests(EmulatorOperation.Create, FaultSchedule.Next(2), 429, "TOO_MANY_REQUESTS", "slow down", TimeSpan.Zero);

        await (await Client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();
        for (var i = 0; i < 2; i++)
        {
            var refused = await Client.CreateAsync(MySql.Body("m"));
            (await refused.ShouldFailAsync(429, "TOO_MANY_REQUESTS")).Message.Should().Be("slow down");
            refused.Headers.GetValues("Retry-After").Single().Should().Be("0");
        }

        await (await Client.CreateAsync(MySql.Body("m"))).ShouldSucceedAsync();
        Emulator.Requests.Select(r => (r.Operation, r.Disposition, r.StatusCode)).Should().Equal(
            (EmulatorOperation.List, EmulatedRequestDisposition.Answered, 200),
            (EmulatorOperation.Create, EmulatedRequestDisposition.InjectedFailure, 429),
            (EmulatorOperation.Create, EmulatedRequestDisposition.InjectedFailure, 429),
            (EmulatorOperation.Create, EmulatedRequestDisposition.Answered, 200));
    }

    [Fact]
    public async Task RulesOfOneOperation_AreCheckedInTheOrderTheyWereSet_OnePerStatus()
    {
        Emulator.FailRequests(EmulatorOperation.Delete, FaultSchedule.Next(1), 503, "SERVICE_UNAVAILABLE");
        Emulator.FailRequests(EmulatorOperation.Delete, FaultSchedule.Next(1), 429, "TOO_MANY_REQUESTS");
        Emulator.FailRequests(EmulatorOperation.Delete, FaultSchedule.Next(2), 503, "REPLACED");

        await (await Client.DeleteDatasourceAsync("x")).ShouldFailAsync(503, "REPLACED");
        await (await Client.DeleteDatasourceAsync("x")).ShouldFailAsync(503, "REPLACED");
        await (await Client.DeleteDatasourceAsync("x")).ShouldFailAsync(429, "TOO_MANY_REQUESTS");
        await (await Client.DeleteDatasourceAsync("x")).ShouldFailAsync(400, "DATASOURCE_NAME_ERROR");
    }

    [Fact]
    public async Task ProbabilityFailures_WithASeed_HitTheRequestsTheGeneratorPicks()
    {
        const int Requests = 30;
        var generator = new Random(7);
        var expected = Enumerable.Range(0, Requests).Select(_ => generator.NextDouble() < 0.3).ToArray();
        Emulator.FailRequests(EmulatorOperation.List, FaultSchedule.WithProbability(0.3, 7), 503, "SERVICE_UNAVAILABLE", retryAfter: TimeSpan.Zero);

        var failed = new bool[Requests];
        for (var i = 0; i < Requests; i++)
        {
            failed[i] = (await Client.GetAsync(Api.DatasourcePath)).StatusCode == HttpStatusCode.ServiceUnavailable;
        }

        failed.Should().Equal(expected);
        expected.Count(hit => hit).Should().BeInRange(1, Requests - 1);
    }

    [Fact]
    public async Task OperationFailures_CanBeSetOverHttp_AndAreClearedWithTheOthers()
    {
        var set = await Client.PostAsync("_emulator/failures/create", Api.Json("""{"status":503,"code":"SERVICE_UNAVAILABLE","retryAfterSeconds":0,"probability":1,"seed":1}"""));
        set.StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await Client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();
        var refused = await Client.CreateAsync(MySql.Body("m"));
        (await refused.ShouldFailAsync(503, "SERVICE_UNAVAILABLE")).Message.Should().Contain("SERVICE_UNAVAILABLE");
        refused.Headers.GetValues("Retry-After").Single().Should().Be("0");

        (await Client.DeleteAsync("_emulator/failures")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await Client.CreateAsync(MySql.Body("m"))).ShouldSucceedAsync();
    }

    [Theory]
    [InlineData("create", """{"status":503,"code":"X"}""", "count")]
    [InlineData("create", """{"status":503,"code":"X","count":1,"probability":1,"seed":1}""", "count")]
    [InlineData("create", """{"status":503,"code":"X","probability":-0.1,"seed":1}""", "probability")]
    [InlineData("create", """{"status":503,"code":"X","probability":0.1}""", "seed")]
    [InlineData("create", """{"status":99,"code":"X","count":1}""", "status")]
    [InlineData("create", """{"status":503,"count":1}""", "code")]
    [InlineData("sideways", """{"status":503,"code":"X","count":1}""", "operation")]
    public async Task BadOperationFailureKnobsAreRefused(string operation, string json, string named)
    {
        var error = await (await Client.PostAsync("_emulator/failures/" + operation, Api.Json(json))).ShouldBeInvalidAsync();
        error.Message.Should().Contain(named);
        await (await Client.CreateAsync(MySql.Body("m"))).ShouldSucceedAsync();
    }

    [Fact]
    public void FailRequestsChecksItsArguments()
    {
        var act = () => Emulator.FailRequests((EmulatorOperation)(-1), FaultSchedule.Next(1), 503, "X");
        act.Should().Throw<ArgumentOutOfRangeException>();
        act = () => Emulator.FailRequests(EmulatorOperation.List, null!, 503, "X");
        act.Should().Throw<ArgumentNullException>();
        act = () => Emulator.FailRequests(EmulatorOperation.List, FaultSchedule.Next(1), 600, "X");
        act.Should().Throw<ArgumentOutOfRangeException>();
        act = () => Emulator.FailRequests(EmulatorOperation.List, FaultSchedule.Next(1), 503, "");
        act.Should().Throw<ArgumentException>();
        act = () => Emulator.FailRequests(EmulatorOperation.List, FaultSchedule.Next(1), 503, "X", retryAfter: TimeSpan.FromSeconds(-1));
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task LatencyJitter_AddsADelayBelowIt_OnTopOfTheLatency()
    {
        Emulator.Latency = TimeSpan.FromMilliseconds(100);
        Emulator.LatencyJitter = TimeSpan.FromMilliseconds(50);

        var pending = Client.GetAsync(Api.DatasourcePath);
        var due = await _time.NextTimerAsync();

        due.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(100)).And.BeLessThan(TimeSpan.FromMilliseconds(150));
        _time.Advance(due);
        await (await pending).ShouldSucceedAsync();
    }

    [Fact]
    public async Task LatencyJitter_CanBeSetOverHttp_AndResetRestoresIt()
    {
        (await Client.PutAsync("_emulator/latency", Api.Json("""{"milliseconds":5,"jitterMilliseconds":15}""")))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        Emulator.Latency.Should().Be(TimeSpan.FromMilliseconds(5));
        Emulator.LatencyJitter.Should().Be(TimeSpan.FromMilliseconds(15));

        (await Client.PutAsync("_emulator/latency", Api.Json("""{"milliseconds":5}"""))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        Emulator.LatencyJitter.Should().Be(TimeSpan.Zero, "a PUT sets the whole knob");
        await (await Client.PutAsync("_emulator/latency", Api.Json("""{"milliseconds":5,"jitterMilliseconds":-1}"""))).ShouldBeInvalidAsync();

        Emulator.LatencyJitter = TimeSpan.FromMilliseconds(15);
        Emulator.Reset();
        Emulator.LatencyJitter.Should().Be(TimeSpan.Zero);
        Emulator.Latency.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public async Task RequestLog_CanBeReadOverHttp()
    {
        Emulator.FailRequests(EmulatorOperation.Create, FaultSchedule.Next(1), 503, "SERVICE_UNAVAILABLE");
        await Client.CreateAsync(MySql.Body("logged"));
        await (await Client.CreateAsync(MySql.Body("logged"))).ShouldSucceedAsync();
        using var anonymous = Emulator.Unauthenticated();
        await anonymous.GetAsync(Api.DatasourcePath);

        var body = await (await Client.GetAsync("_emulator/requests")).ShouldSucceedAsync();

        body["recording"]!.GetValue<bool>().Should().BeTrue();
        var requests = body["requests"]!.AsArray().Select(node => node!.AsObject()).ToList();
        requests.Select(r => r["operation"]!.GetValue<string>()).Should().Equal("Create", "Create", "List");
        requests.Select(r => r["disposition"]!.GetValue<string>()).Should().Equal("InjectedFailure", "Answered", "Unauthenticated");
        requests.Select(r => r["status"]!.GetValue<int>()).Should().Equal(503, 200, 401);
        requests.Select(r => r["datasourceName"]?.GetValue<string>()).Should().Equal(null, "logged", null);
        requests.Select(r => r["sequence"]!.GetValue<long>()).Should().Equal(1, 2, 3);
        requests[1]["requestId"]!.GetValue<string>().Should().Be(Emulator.Requests[1].RequestId);
    }

    [Fact]
    public async Task RequestLog_IsEmptyUnlessRecordingIsOn()
    {
        await using var quiet = await DatabrainEmulator.StartAsync(new DatabrainEmulatorOptions { AcceptAllConnections = true });
        using var client = quiet.CreateClient();
        await (await client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();

        quiet.Requests.Should().BeEmpty();
        var body = await (await client.GetAsync("_emulator/requests")).ShouldSucceedAsync();
        body["recording"]!.GetValue<bool>().Should().BeFalse();
        body["requests"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task ReadsAndUnknownRoutes_AreLoggedOnlyForDataBrainOperations()
    {
        await (await Client.GetAsync("_emulator/datasources")).ShouldSucceedAsync();
        await (await Client.GetAsync("api/v2/other")).ShouldFailAsync(404, "NOT_FOUND");
        await (await Client.GetAsync(Api.DatasourcePath + "/")).ShouldSucceedAsync();

        Emulator.Requests.Should().ContainSingle().Which.Operation.Should().Be(EmulatorOperation.List);
    }

    [Fact]
    public void FaultSchedule_DescribesItself()
    {
        FaultSchedule.Next(3).ToString().Should().Be("next 3");
        FaultSchedule.WithProbability(0.04, 1).ToString().Should().Be("p=0.04 seed=1");
        var schedule = FaultSchedule.WithProbability(0.5, 9);
        (schedule.Count, schedule.Probability, schedule.Seed).Should().Be(((int?)null, (double?)0.5, (int?)9));
    }

    [Fact]
    public async Task TheLogHoldsNoCredential()
    {
        await (await Client.CreateAsync(MySql.Body("secretive"))).ShouldSucceedAsync();
        var text = await (await Client.GetAsync("_emulator/requests")).Content.ReadAsStringAsync();
        text.Should().NotContain(DatasourceSamples.Password).And.NotContain(Emulator.ServiceToken);
        JsonNode.Parse(text)!["requests"]!.AsArray().Should().ContainSingle();
    }
}
