using Microsoft.Extensions.Time.Testing;

namespace Databrain.Client.Tests.Resilience;

/// <summary>The optional circuit breaker: off by default; when open, calls fail at once without being sent.</summary>
public sealed class CircuitBreakerTests : IDisposable
{
    private readonly ApiServer _api = new();
    private readonly FakeTimeProvider _clock = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task WhenOpen_CallsFailAtOnceWithCircuitOpen_AndAreNotSent_NotEvenReportedAsUnknownOutcomes()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 500, "");
        var client = Client();

        var first = await Record.ExceptionAsync(() => client.GetDatasourcePageAsync(1));
        var second = await Record.ExceptionAsync(() => client.GetDatasourcePageAsync(1));
        var third = await Record.ExceptionAsync(() => client.GetDatasourcePageAsync(1));
        var create = await Record.ExceptionAsync(() => client.CreateDatasourceAsync(ApiServer.Postgres()));

        first.Should().BeOfType<DatabrainServerException>();
        second.Should().BeOfType<DatabrainServerException>();
        var open = third.Should().BeOfType<DatabrainCircuitOpenException>().Subject;
        open.Operation.Should().Be(DatabrainOperation.List);
        open.RetryAfter.Should().Be(TimeSpan.FromSeconds(30));
        open.InnerException.Should().BeNull("no Polly type reaches a caller");
        open.Message.Should().Contain("circuit breaker is open");
        create.Should().BeOfType<DatabrainCircuitOpenException>().Which.Operation.Should().Be(DatabrainOperation.Create);
        _api.Received.Should().HaveCount(2);
    }

    [Fact]
    public async Task AfterTheBreakDuration_ATrialCallGoesThrough_AndItsSuccessClosesTheCircuit()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 503, "");
        var client = Client();
        await Record.ExceptionAsync(() => client.GetDatasourcePageAsync(1));
        await Record.ExceptionAsync(() => client.GetDatasourcePageAsync(1));
        (await Record.ExceptionAsync(() => client.GetDatasourcePageAsync(1))).Should().BeOfType<DatabrainCircuitOpenException>();

        _api.ResetStubs();
        _api.Given("GET", ApiServer.DatasourcePath, 200, """{"data":[{"name":"a"}]}""");
        _clock.Advance(TimeSpan.FromSeconds(30));
        var trial = await client.GetDatasourcePageAsync(1);
        var after = await client.GetDatasourcePageAsync(1);

        trial.Items.Single().Name.Should().Be("a");
        after.Items.Single().Name.Should().Be("a");
        _api.Received.Should().HaveCount(4);
    }

    [Fact]
    public async Task ByDefault_ThereIsNoBreaker_SoEveryCallReachesTheServer()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 500, "");
        var client = new DatabrainClient(_api.Options(o => o.Resilience.Retry.MaxRetries = 0), transport: null, _clock);

        for (var i = 0; i < 25; i++)
        {
            (await Record.ExceptionAsync(() => client.GetDatasourcePageAsync(1))).Should().BeOfType<DatabrainServerException>();
        }

        new DatabrainClientOptions().Resilience.CircuitBreaker.Enabled.Should().BeFalse();
        _api.Received.Should().HaveCount(25);
    }

    [Fact]
    public async Task WithRetries_EachAttemptCounts_SoTheBreakerCanEndACallThatKeepsFailing()
    {
        _api.Given("PUT", ApiServer.DatasourcePath, 502, "");
        var client = Client(maxRetries: 3, clock: _api.Clock); // the retry delays are skipped, not waited on a fake clock

        var exception = await Record.ExceptionAsync(() => client.UpdateDatasourceAsync(ApiServer.Postgres()));

        exception.Should().BeOfType<DatabrainCircuitOpenException>();
        _api.Received.Should().HaveCount(2, "the breaker opened after two failed attempts and the retry stopped there");
    }

    private DatabrainClient Client(int maxRetries = 0, TimeProvider? clock = null) => new(
        _api.Options(o =>
        {
            o.Resilience.Retry.MaxRetries = maxRetries;
            o.Resilience.CircuitBreaker.Enabled = true;
            o.Resilience.CircuitBreaker.MinimumThroughput = 2;
            o.Resilience.CircuitBreaker.FailureRatio = 0.5;
            o.Resilience.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
        }),
        transport: null,
        clock ?? _clock);
}
