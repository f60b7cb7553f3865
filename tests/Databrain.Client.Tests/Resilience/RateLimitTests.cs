using Databrain.Client.Pipeline;

namespace Databrain.Client.Tests.Resilience;

/// <summary>
/// The client-side rate limit (<see cref="DatabrainRateLimitOptions"/>) over real HTTP, on a fake clock: each attempt
/// takes one of N permits, and a permit comes back a window after its answer.
/// </summary>
public sealed class RateLimitTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // How long a permit is held after its answer: the window and the timer slack.
    private static readonly TimeSpan Hold = Window + RequestRateLimiter.TimerSlack;

    private readonly ApiServer _api = new();
    private readonly DelayWatchingClock _clock = new();

    public RateLimitTests()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 200, """{"data":[]}""");
        _api.Given("POST", ApiServer.DatasourcePath, 200, """{"name":"created"}""");
        _api.Given("DELETE", ApiServer.DatasourcePath, 200, """{"id":"1","message":"Datasource deleted successfully"}""");
    }

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Off_ByDefault_EveryRequestIsSentAtOnce()
    {
        var client = new DatabrainClient(_api.Options(), transport: null, _clock);

        for (var i = 0; i < 10; i++)
        {
            await client.GetDatasourcePageAsync(1);
        }

        client.RateLimiter.Should().BeNull();
        _api.Received.Should().HaveCount(10);
        _clock.StartedCount(DatabrainRateLimitOptions.DefaultWindow + RequestRateLimiter.TimerSlack).Should().Be(0, "no permit was taken, so none is given back");
    }

    [Fact]
    public async Task TheFourthAttempt_WaitsUntilAWindowHasPassedSinceTheFirstAnswer()
    {
        var client = Client(permitLimit: 3);
        await client.GetDatasourcePageAsync(1);
        _clock.Advance(TimeSpan.FromSeconds(10));
        await client.GetDatasourcePageAsync(1);
        await client.GetDatasourcePageAsync(1);

        var fourth = client.GetDatasourcePageAsync(1);
        client.RateLimiter!.Queued.Should().Be(1);
        _clock.Advance(Hold - TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));

        fourth.IsCompleted.Should().BeFalse();
        client.RateLimiter.Queued.Should().Be(1, "the first answer came a window less 1 ms ago");
        _api.Received.Should().HaveCount(3);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await fourth;

        _api.Received.Should().HaveCount(4);
        client.RateLimiter.Queued.Should().Be(0);
    }

    [Fact]
    public async Task ConcurrentCalls_OfEveryOperation_ShareTheClientsPermits_OldestFirst()
    {
        var client = Client(permitLimit: 2);

        var calls = new Task[]
        {
            client.CreateDatasourceAsync(ApiServer.Postgres("a")),
            client.GetDatasourcePageAsync(1),
            client.DeleteDatasourceAsync("b"),
            client.CreateDatasourceAsync(ApiServer.Postgres("c")),
            client.GetDatasourcePageAsync(2),
        };
        client.RateLimiter!.Queued.Should().Be(3);
        await Task.WhenAll(calls[0], calls[1]);
        _api.Received.Should().HaveCount(2);
        calls.Skip(2).Should().OnlyContain(call => !call.IsCompleted);

        _clock.Advance(Hold);
        await Task.WhenAll(calls[2], calls[3]);
        _api.Received.Should().HaveCount(4);
        calls[4].IsCompleted.Should().BeFalse();
        client.RateLimiter.Queued.Should().Be(1);

        _clock.Advance(Hold);
        await calls[4];
        _api.Received.Select(r => r.Method).Should().BeEquivalentTo(["POST", "GET", "DELETE", "POST", "GET"]);
    }

    [Fact]
    public async Task ARetriedAttempt_TakesAPermitToo_AndWaitsForItAfterItsRetryDelay()
    {
        _api.ResetStubs();
        _api.Given(new ApiStub("GET", ApiServer.DatasourcePath) { WhenState = ApiStub.Started, ThenState = "refused once" },
            new ApiReply(503).WithHeader("Retry-After", "1"));
        _api.Given(new ApiStub("GET", ApiServer.DatasourcePath) { WhenState = "refused once" }, new ApiReply(200, """{"data":[{"name":"a"}]}"""));
        var client = Client(permitLimit: 1);

        var call = client.GetDatasourcePageAsync(1);
        await _clock.Started(TimeSpan.FromSeconds(1)); // the 503's Retry-After
        _clock.Advance(TimeSpan.FromSeconds(1));

        _api.Received.Should().HaveCount(1, "the retry waits for the one permit, back a window after the 503");
        _clock.Advance(Hold - TimeSpan.FromSeconds(1));
        var page = await call;

        page.Items.Single().Name.Should().Be("a");
        _api.Received.Should().HaveCount(2);
        _clock.StartedCount(Hold).Should().Be(2, "each attempt took a permit and gave it back a window after its answer");
    }

    [Fact]
    public async Task AQueuedCall_EndsAtTheCallersCancellation_AndGivesUpItsPlace()
    {
        var client = Client(permitLimit: 1);
        await client.GetDatasourcePageAsync(1);
        using var cts = new CancellationTokenSource();

        var cancelled = client.CreateDatasourceAsync(ApiServer.Postgres(), cancellationToken: cts.Token);
        var next = client.GetDatasourcePageAsync(2);
        client.RateLimiter!.Queued.Should().Be(2);
        await cts.CancelAsync();
        var exception = await Record.ExceptionAsync(() => cancelled);

        exception.Should().BeAssignableTo<OperationCanceledException>().Which.CancellationToken.Should().Be(cts.Token);
        exception.Should().NotBeAssignableTo<DatabrainException>();
        client.RateLimiter.Queued.Should().Be(1);

        _clock.Advance(Hold);
        await next;
        _api.Received.Select(r => r.Method).Should().Equal("GET", "GET");
    }

    [Fact]
    public async Task AQueuedCreateOrDelete_WhoseDeadlinePasses_IsATimeout_NotAnUnknownOutcome_WithNothingSent()
    {
        var client = Client(permitLimit: 1, timeout: TimeSpan.FromSeconds(10));
        await client.GetDatasourcePageAsync(1);

        var create = client.CreateDatasourceAsync(ApiServer.Postgres());
        var delete = client.DeleteDatasourceAsync("production-postgres");
        client.RateLimiter!.Queued.Should().Be(2);
        _clock.Advance(TimeSpan.FromSeconds(10));
        var createFailure = await Record.ExceptionAsync(() => create);
        var deleteFailure = await Record.ExceptionAsync(() => delete);

        var createTimeout = createFailure.Should().BeOfType<DatabrainTimeoutException>().Subject;
        createTimeout.Operation.Should().Be(DatabrainOperation.Create);
        createTimeout.Timeout.Should().Be(TimeSpan.FromSeconds(10));
        deleteFailure.Should().BeOfType<DatabrainTimeoutException>().Which.Operation.Should().Be(DatabrainOperation.Delete);
        _api.Received.Should().ContainSingle("nothing else was sent: not the create, the delete, nor a lookup")
            .Which.Method.Should().Be("GET");
        client.RateLimiter.Queued.Should().Be(0);
    }

    [Fact]
    public async Task A429WithRetryAfter_IsStillRetriedAfterItsDelay_TheRetryTakingAPermit()
    {
        _api.ResetStubs();
        _api.Given(new ApiStub("POST", ApiServer.DatasourcePath) { WhenState = ApiStub.Started, ThenState = "throttled once" },
            new ApiReply(429, """{"error":{"code":"TOO_MANY_REQUESTS","message":"slow down"}}""").WithHeader("Retry-After", "2"));
        _api.Given(new ApiStub("POST", ApiServer.DatasourcePath) { WhenState = "throttled once" }, new ApiReply(200, """{"name":"production-postgres"}"""));
        var client = Client(permitLimit: 5);

        var call = client.CreateDatasourceAsync(ApiServer.Postgres());
        await _clock.Started(TimeSpan.FromSeconds(2));
        _api.Received.Should().HaveCount(1, "the retry waits for the server's Retry-After, not only for a permit");
        _clock.Advance(TimeSpan.FromSeconds(2));
        var created = await call;

        created.Name.Should().Be("production-postgres");
        _api.Received.Select(r => r.Method).Should().Equal("POST", "POST");
        _clock.StartedCount(Hold).Should().Be(2);
    }

    private DatabrainClient Client(int permitLimit, TimeSpan? timeout = null) => new(
        _api.Options(o =>
        {
            // Far past every window the tests advance through, unless a test means its deadline to pass.
            o.Timeout = timeout ?? TimeSpan.FromMinutes(10);
            o.RateLimit = new DatabrainRateLimitOptions { Enabled = true, PermitLimit = permitLimit, Window = Window };
        }),
        transport: null,
        _clock);
}
