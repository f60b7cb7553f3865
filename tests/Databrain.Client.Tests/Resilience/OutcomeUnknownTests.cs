namespace Databrain.Client.Tests.Resilience;

/// <summary>
/// A create or delete that may have reached the server without an answer is never sent again; the client looks
/// the name up and says what it found. The "no answer" here is an answer slower than the timeout.
/// </summary>
public sealed class OutcomeUnknownTests : IClassFixture<ApiServer>
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(1);
    private readonly ApiServer _api;

    // One server for the class, reset per test: stopping a WireMock server waits for its delayed answers.
    public OutcomeUnknownTests(ApiServer api)
    {
        _api = api;
        _api.Reset();
    }

    [Fact]
    public async Task Create_WithoutAnAnswer_LooksTheNameUpPageByPage_AndReportsItExists()
    {
        GivenNoAnswer("POST");
        _api.GivenPage(1, Enumerable.Range(1, 10).Select(i => $"other-{i}").ToArray());
        _api.GivenPage(2, ["Production-Postgres", "production-postgres"]);

        var exception = await Record.ExceptionAsync(() => Client().CreateDatasourceAsync(ApiServer.Postgres()));

        var unknown = exception.Should().BeOfType<DatabrainOutcomeUnknownException>().Subject;
        unknown.Operation.Should().Be(DatabrainOperation.Create);
        unknown.DatasourceName.Should().Be("production-postgres");
        unknown.DatasourceExists.Should().BeTrue();
        unknown.InnerException.Should().BeOfType<DatabrainTimeoutException>().Which.Timeout.Should().Be(ShortTimeout);
        unknown.Message.Should().Contain("production-postgres").And.Contain("found the datasource").And.NotContain("securepassword");
        Sent("POST").Should().Be(1);
        Sent("GET").Should().Be(2);
    }

    [Fact]
    public async Task Create_WithoutAnAnswer_WhenNoPageHasTheExactName_ReportsItDoesNotExist()
    {
        GivenNoAnswer("POST");
        _api.GivenPage(1, ["PRODUCTION-POSTGRES", "production-postgres-2"]);

        var exception = await Record.ExceptionAsync(() => Client().CreateDatasourceAsync(ApiServer.Postgres()));

        exception.Should().BeOfType<DatabrainOutcomeUnknownException>().Which.DatasourceExists.Should().BeFalse();
        Sent("POST").Should().Be(1);
        Sent("GET").Should().Be(1);
    }

    [Fact]
    public async Task Delete_WithoutAnAnswer_WhenTheNameIsStillListed_ReportsItExists()
    {
        GivenNoAnswer("DELETE");
        _api.GivenPage(1, ["production-postgres"]);

        var exception = await Record.ExceptionAsync(() => Client().DeleteDatasourceAsync("production-postgres"));

        var unknown = exception.Should().BeOfType<DatabrainOutcomeUnknownException>().Subject;
        unknown.Operation.Should().Be(DatabrainOperation.Delete);
        unknown.DatasourceExists.Should().BeTrue();
        Sent("DELETE").Should().Be(1);
    }

    [Fact]
    public async Task Create_WithoutAnAnswer_WhenTheLookupFailsToo_ReportsThatItIsUnknown()
    {
        GivenNoAnswer("POST");
        _api.Given("GET", ApiServer.DatasourcePath, 500, "");

        var exception = await Record.ExceptionAsync(() => Client().CreateDatasourceAsync(ApiServer.Postgres()));

        var unknown = exception.Should().BeOfType<DatabrainOutcomeUnknownException>().Subject;
        unknown.DatasourceExists.Should().BeNull();
        unknown.Message.Should().Contain("unknown");
        Sent("POST").Should().Be(1);
        Sent("GET").Should().Be(4, "the lookup is a list, with list's own retries");
    }

    [Fact]
    public async Task Create_WithoutAnAnswer_WhenVerificationIsOff_SendsNoLookup()
    {
        GivenNoAnswer("POST");

        var exception = await Record.ExceptionAsync(() => Client(o => o.VerifyUnknownOutcome = false).CreateDatasourceAsync(ApiServer.Postgres()));

        exception.Should().BeOfType<DatabrainOutcomeUnknownException>().Which.DatasourceExists.Should().BeNull();
        Sent("POST").Should().Be(1);
        Sent("GET").Should().Be(0);
    }

    [Fact]
    public async Task Create_WhenTheTotalTimeoutEndsAnAttempt_IsOutcomeUnknown_CausedByThatTimeout()
    {
        GivenNoAnswer("POST");

        // The lookup would be bounded by the same short timeout: leave it out so the test cannot race it.
        var client = _api.CreateClient(o =>
        {
            o.Timeout = ShortTimeout;
            o.Resilience.AttemptTimeout = Timeout.InfiniteTimeSpan;
            o.VerifyUnknownOutcome = false;
        });
        var exception = await Record.ExceptionAsync(() => client.CreateDatasourceAsync(ApiServer.Postgres()));

        var unknown = exception.Should().BeOfType<DatabrainOutcomeUnknownException>().Subject;
        unknown.InnerException.Should().BeOfType<DatabrainTimeoutException>().Which.Timeout.Should().Be(ShortTimeout);
        unknown.DatasourceExists.Should().BeNull();
        Sent("POST").Should().Be(1);
    }

    [Fact]
    public async Task Create_WhenTheTotalTimeoutEndsAnAttempt_TheLookupGetsNoTimeOfItsOwn_AndTheMessageSaysSo()
    {
        GivenNoAnswer("POST");
        _api.GivenPage(1, ["production-postgres"]);
        var client = _api.CreateClient(o =>
        {
            o.Timeout = ShortTimeout;
            o.Resilience.AttemptTimeout = Timeout.InfiniteTimeSpan;
        });

        var exception = await Record.ExceptionAsync(() => client.CreateDatasourceAsync(ApiServer.Postgres()));

        var unknown = exception.Should().BeOfType<DatabrainOutcomeUnknownException>().Subject;
        unknown.DatasourceExists.Should().BeNull();
        unknown.Message.Should().EndWith("whether the datasource exists is unknown (no time was left to look it up).");
        Sent("GET").Should().Be(0, "the call's timeout bounds the whole call, the lookup included");
    }

    [Fact]
    public async Task Create_WithoutAnAnswer_WhenADeletionMovesTheNameOntoAPageAlreadyRead_StillFindsIt()
    {
        // The created datasource is 11th, first on page 2. While the lookup reads, someone deletes the first one:
        // page 2 then no longer shows the name, which moved to the end of page 1, already read once.
        GivenNoAnswer("POST");
        var before = Enumerable.Range(1, 10).Select(i => $"other-{i}").ToArray();
        var after = before.Skip(1).Append("production-postgres").ToArray();
        GivenListPage(1, before, whenState: ApiStub.Started, thenState: "page 1 read");
        GivenListPage(2, ["other-12"], whenState: "page 1 read", thenState: "shifted");
        GivenListPage(1, after, whenState: "shifted", thenState: null);

        var exception = await Record.ExceptionAsync(() => Client().CreateDatasourceAsync(ApiServer.Postgres()));

        exception.Should().BeOfType<DatabrainOutcomeUnknownException>().Which.DatasourceExists.Should().BeTrue(
            "a name that exists is never reported as missing; read once per page, this listing would have said false");
        _api.Received.Where(r => r.Method == "GET").Should().HaveCount(3);
    }

    [Fact]
    public async Task Create_WhenTheTotalTimeoutFallsBetweenAttempts_IsATimeout_BecauseNothingWasInFlight()
    {
        _api.Given("POST", ApiServer.DatasourcePath, 429, "", ("Retry-After", "20"));
        var clock = new DelayWatchingClock();
        var client = new DatabrainClient(_api.Options(o => o.Timeout = TimeSpan.FromSeconds(10)), transport: null, clock);

        var call = client.CreateDatasourceAsync(ApiServer.Postgres());
        await clock.Started(TimeSpan.FromSeconds(10)); // Retry-After 20 s, cut to the 10 s left of the call
        clock.Advance(TimeSpan.FromSeconds(10));
        var exception = await Record.ExceptionAsync(() => call);

        exception.Should().BeOfType<DatabrainTimeoutException>().Which.Timeout.Should().Be(TimeSpan.FromSeconds(10));
        Sent("POST").Should().Be(1);
        Sent("GET").Should().Be(0, "a 429 proves the create was not processed: nothing to look up");
    }

    [Fact]
    public async Task Create_CancelledByTheCallerWhileWaitingForTheAnswer_ThrowsOperationCanceled_WithoutALookup()
    {
        GivenNoAnswer("POST");
        using var cts = new CancellationTokenSource(ShortTimeout);

        var exception = await Record.ExceptionAsync(() =>
            Client(o => o.Resilience.AttemptTimeout = Timeout.InfiniteTimeSpan).CreateDatasourceAsync(ApiServer.Postgres(), cancellationToken: cts.Token));

        exception.Should().BeAssignableTo<OperationCanceledException>().Which.CancellationToken.Should().Be(cts.Token);
        Sent("POST").Should().Be(1);
        Sent("GET").Should().Be(0);
    }

    private DatabrainClient Client(Action<DatabrainClientOptions>? configure = null) => _api.CreateClient(o =>
    {
        o.Resilience.AttemptTimeout = ShortTimeout;
        configure?.Invoke(o);
    });

    private void GivenListPage(int pageNumber, string[] names, string whenState, string? thenState) =>
        _api.Given(ApiServer.Page(pageNumber) with { WhenState = whenState, ThenState = thenState }, new ApiReply(200, ApiServer.PageBody(names)));

    private int Sent(string method) => _api.Received.Count(r => r.Method == method);

    private void GivenNoAnswer(string method) => _api.Given(
        new ApiStub(method, ApiServer.DatasourcePath),
        new ApiReply(200, """{"name":"production-postgres"}""") { Delay = TimeSpan.FromSeconds(3) });
}
