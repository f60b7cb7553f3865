using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Databrain.Client.Tests.Resilience;

/// <summary>Each retry is one Warning naming the operation, the attempt, the delay and the failure; never a secret.</summary>
public sealed class RetryLoggingTests : IDisposable
{
    private readonly ApiServer _api = new();
    private readonly FakeLogCollector _logs = new();
    private readonly ILoggerFactory _loggerFactory;

    public RetryLoggingTests()
    {
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(_logs)).SetMinimumLevel(LogLevel.Trace));
    }

    public void Dispose()
    {
        _loggerFactory.Dispose();
        _api.Dispose();
    }

    [Fact]
    public async Task EachRetry_IsOneWarning_WithOperationAttemptDelayAndStatus()
    {
        _api.Given("PUT", ApiServer.DatasourcePath, 503, """{"error":{"message":"echo securepassword"}}""", ("Retry-After", "2"));
        var client = _api.CreateClient(loggerFactory: _loggerFactory);

        await Record.ExceptionAsync(() => client.UpdateDatasourceAsync(ApiServer.Postgres()));

        var retries = _logs.GetSnapshot().Where(r => r.Id.Name == "DatabrainRetry").ToList();
        retries.Should().HaveCount(3);
        retries.Should().OnlyContain(r => r.Level == LogLevel.Warning && r.Category == "Databrain.Client" && r.Exception == null);
        retries.Select(r => r.Message).Should().Equal(
            "DataBrain update: attempt 1 of 4 failed (HTTP 503); retrying in 2000 ms.",
            "DataBrain update: attempt 2 of 4 failed (HTTP 503); retrying in 2000 ms.",
            "DataBrain update: attempt 3 of 4 failed (HTTP 503); retrying in 2000 ms.");
    }

    [Fact]
    public async Task ARefusedConnection_IsLoggedByItsExceptionTypeAndKind()
    {
        var client = _api.CreateClient(o => o.BaseAddress = Ports.ClosedAddress(), _loggerFactory);

        await Record.ExceptionAsync(() => client.GetDatasourcePageAsync(1));

        var first = _logs.GetSnapshot().First(r => r.Id.Name == "DatabrainRetry");
        first.Message.Should().StartWith("DataBrain list: attempt 1 of 4 failed (HttpRequestException (ConnectionError)); retrying in ");
    }

    [Fact]
    public async Task ARetryAfterBeyondTheCap_IsLoggedOnce_AndNotWaitedFor()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 429, "", ("Retry-After", "600"));
        var client = _api.CreateClient(loggerFactory: _loggerFactory);

        await Record.ExceptionAsync(() => client.GetDatasourcePageAsync(1));

        _logs.GetSnapshot().Should().ContainSingle(r => r.Id.Name == "DatabrainRetryAfterTooLong")
            .Which.Message.Should().Be("DataBrain list: HTTP 429 asked to wait 600000 ms, longer than MaxRetryAfter (30000 ms); failing now instead of retrying.");
        _api.RetryDelays.Should().BeEmpty();
    }

    [Fact]
    public async Task AnUnknownOutcome_IsLogged_WithoutTheDatasourceOrItsCredentials()
    {
        using var raw = new RawHttpServer(r => r.Method == "POST" ? RawAnswer.Reset : RawAnswer.Full(200, """{"data":[]}"""));
        var client = _api.CreateClient(o => o.BaseAddress = raw.BaseAddress, _loggerFactory);

        await Record.ExceptionAsync(() => client.CreateDatasourceAsync(ApiServer.Postgres()));

        _logs.GetSnapshot().Should().ContainSingle(r => r.Id.Name == "DatabrainOutcomeUnknown")
            .Which.Message.Should().StartWith("DataBrain create: no answer after the request may have reached the server").And.EndWith("Datasource exists: False.");
    }

    [Fact]
    public async Task NoLogLine_HoldsTheToken_ACredential_OrABody()
    {
        _api.Given("PUT", ApiServer.DatasourcePath, 500, """{"error":{"code":"INTERNAL_SERVER_ERROR","message":"db.example.com dbuser securepassword"}}""");
        using var raw = new RawHttpServer(_ => RawAnswer.Close);
        var client = _api.CreateClient(loggerFactory: _loggerFactory);
        var unreachable = _api.CreateClient(o => o.BaseAddress = raw.BaseAddress, _loggerFactory);

        await Record.ExceptionAsync(() => client.UpdateDatasourceAsync(ApiServer.Postgres()));
        await Record.ExceptionAsync(() => unreachable.CreateDatasourceAsync(ApiServer.Postgres()));

        var lines = _logs.GetSnapshot().Select(r => r.Message + " " + r.Exception).ToList();
        lines.Should().NotBeEmpty();
        lines.Should().NotContain(l => l.Contains(ApiServer.Token) || l.Contains("securepassword") || l.Contains("dbuser")
            || l.Contains("db.example.com") || l.Contains("Bearer"));
    }

    [Fact]
    public async Task WithoutALoggerFactory_NothingIsLoggedAndRetriesStillHappen()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 502, "");

        await Record.ExceptionAsync(() => _api.CreateClient().GetDatasourcePageAsync(1));

        _api.Received.Should().HaveCount(4);
        _logs.GetSnapshot().Should().BeEmpty();
    }
}
