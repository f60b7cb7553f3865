using System.Diagnostics;
using Databrain.Client.Diagnostics;
using Databrain.Client.Tests.Client;
using Databrain.Client.Tests.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Databrain.Client.Tests.Observability;

/// <summary>The activities, metrics and log events of a success, a retried call and a failure: exact names, tags, counts.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryEmissionTests : IDisposable
{
    private readonly ApiServer _api = new();
    private readonly TelemetryCapture _telemetry = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;

    public TelemetryEmissionTests()
    {
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
    }

    public void Dispose()
    {
        _loggerFactory.Dispose();
        _telemetry.Dispose();
        _api.Dispose();
    }

    [Fact]
    public async Task ASuccess_EmitsOneOperationActivity_OneAttempt_OneDuration_AndADebugLine()
    {
        _api.Given("POST", ApiServer.DatasourcePath, 200, """{"name":"production-postgres"}""");
        var client = _api.CreateClient(loggerFactory: _loggerFactory);

        await client.CreateDatasourceAsync(ApiServer.Postgres());

        var operation = _telemetry.Activities.Should().ContainSingle(a => a.OperationName == "databrain.datasource.create").Subject;
        operation.Kind.Should().Be(ActivityKind.Internal);
        operation.Status.Should().Be(ActivityStatusCode.Unset);
        Tags(operation).Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["databrain.operation"] = "create",
            ["databrain.datasource.type"] = "postgres",
            ["databrain.datasource.name"] = "production-postgres",
            ["http.request.method"] = "POST",
            ["server.address"] = _api.BaseAddress.Host,
            ["server.port"] = _api.BaseAddress.Port,
            ["http.response.status_code"] = 200,
            ["databrain.attempts"] = 1,
        });

        var attempt = _telemetry.Activities.Should().ContainSingle(a => a.OperationName == "databrain.http.attempt").Subject;
        attempt.ParentSpanId.Should().Be(operation.SpanId);
        attempt.Kind.Should().Be(ActivityKind.Client);
        attempt.DisplayName.Should().Be("POST");
        Tags(attempt).Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["databrain.operation"] = "create",
            ["http.request.method"] = "POST",
            ["server.address"] = _api.BaseAddress.Host,
            ["server.port"] = _api.BaseAddress.Port,
            ["http.response.status_code"] = 200,
        });
        _telemetry.Activities.Should().HaveCount(2);

        var duration = _telemetry.MeasurementsOf("databrain.client.operation.duration").Should().ContainSingle().Subject;
        duration.Value.Should().BeGreaterThan(0);
        duration.TagMap.Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["databrain.operation"] = "create", ["databrain.datasource.type"] = "postgres", ["http.response.status_code"] = 200,
        });
        _telemetry.MeasurementsOf("databrain.client.retries").Should().BeEmpty();
        _telemetry.MeasurementsOf("databrain.client.errors").Should().BeEmpty();

        var line = SdkLines().Should().ContainSingle().Subject;
        line.EventId.Should().Be(new EventId(2001, "DatabrainOperationSucceeded"));
        line.Level.Should().Be(LogLevel.Debug);
        line.Message.Should().MatchRegex(
            @"^DataBrain create succeeded: HTTP 200, 1 attempt\(s\), [0-9.]+ ms; datasource type postgres, name production-postgres\.$");
        line.Value("Operation").Should().Be("create");
        line.Value("Status").Should().Be(200);
        line.Value("Attempts").Should().Be(1);
        line.Value("DatasourceType").Should().Be("postgres");
        line.Value("DatasourceName").Should().Be("production-postgres");
    }

    [Fact]
    public async Task ARetriedCall_EmitsAnAttemptPerTry_CountsEachRetry_AndLogsTheAttempts()
    {
        _api.GivenFailsTwiceThenSucceeds("PUT", ApiServer.DatasourcePath, """{"name":"production-postgres"}""");
        var client = _api.CreateClient(loggerFactory: _loggerFactory);

        await client.UpdateDatasourceAsync(ApiServer.Postgres());

        var operation = _telemetry.Activities.Should().ContainSingle(a => a.OperationName == "databrain.datasource.update").Subject;
        operation.Status.Should().Be(ActivityStatusCode.Unset);
        Tags(operation)["http.response.status_code"].Should().Be(200);
        Tags(operation)["databrain.attempts"].Should().Be(3);

        var attempts = _telemetry.Activities.Where(a => a.OperationName == "databrain.http.attempt").ToList();
        attempts.Should().HaveCount(3).And.OnlyContain(a => a.ParentSpanId == operation.SpanId);
        attempts.Select(a => Tags(a)["http.response.status_code"]).Should().Equal(503, 503, 200);
        attempts.Select(a => Tags(a).GetValueOrDefault("http.request.resend_count")).Should().Equal(null, 1, 2);
        attempts.Select(a => Tags(a).GetValueOrDefault("error.type")).Should().Equal("503", "503", null);
        attempts.Select(a => a.Status).Should().Equal(ActivityStatusCode.Error, ActivityStatusCode.Error, ActivityStatusCode.Unset);

        var retries = _telemetry.MeasurementsOf("databrain.client.retries");
        retries.Should().HaveCount(2).And.OnlyContain(m => m.Value == 1);
        retries.Select(m => m.TagMap).Should().AllBeEquivalentTo(new Dictionary<string, object?>
        {
            ["databrain.operation"] = "update", ["error.type"] = "503",
        });
        _telemetry.MeasurementsOf("databrain.client.operation.duration").Should().ContainSingle()
            .Which.TagMap.Should().BeEquivalentTo(new Dictionary<string, object?>
            {
                ["databrain.operation"] = "update", ["databrain.datasource.type"] = "postgres", ["http.response.status_code"] = 200,
            });
        _telemetry.MeasurementsOf("databrain.client.errors").Should().BeEmpty();

        SdkLines().Select(l => l.EventId.Name).Should().Equal(
            "DatabrainRetry", "DatabrainRetry", "DatabrainOperationSucceeded");
        SdkLines()[^1].Value("Attempts").Should().Be(3);
    }

    [Fact]
    public async Task AFailure_SetsErrorStatusAndCode_CountsTheError_AndLogsAtInformation()
    {
        _api.Given("POST", ApiServer.DatasourcePath, 400, """{"error":{"code":"DATASOURCE_NAME_ERROR","message":"exists"}}""");
        var client = _api.CreateClient(loggerFactory: _loggerFactory);

        await FluentActions.Awaiting(() => client.CreateDatasourceAsync(ApiServer.Postgres()))
            .Should().ThrowAsync<DatasourceNameConflictException>();

        var operation = _telemetry.Activities.Should().ContainSingle(a => a.OperationName == "databrain.datasource.create").Subject;
        operation.Status.Should().Be(ActivityStatusCode.Error);
        operation.StatusDescription.Should().Be("DATASOURCE_NAME_ERROR");
        Tags(operation).Should().Contain(new Dictionary<string, object?>
        {
            ["http.response.status_code"] = 400,
            ["error.type"] = "400",
            ["databrain.error.code"] = "DATASOURCE_NAME_ERROR",
            ["databrain.attempts"] = 1,
        });
        var attempt = _telemetry.Activities.Should().ContainSingle(a => a.OperationName == "databrain.http.attempt").Subject;
        attempt.Status.Should().Be(ActivityStatusCode.Error);
        Tags(attempt)["error.type"].Should().Be("400");

        var expectedTags = new Dictionary<string, object?>
        {
            ["databrain.operation"] = "create",
            ["databrain.datasource.type"] = "postgres",
            ["http.response.status_code"] = 400,
            ["error.type"] = "400",
            ["databrain.error.code"] = "DATASOURCE_NAME_ERROR",
        };
        _telemetry.MeasurementsOf("databrain.client.errors").Should().ContainSingle()
            .Which.Should().Match<CapturedMeasurement>(m => m.Value == 1);
        _telemetry.MeasurementsOf("databrain.client.errors")[0].TagMap.Should().BeEquivalentTo(expectedTags);
        _telemetry.MeasurementsOf("databrain.client.operation.duration").Should().ContainSingle()
            .Which.TagMap.Should().BeEquivalentTo(expectedTags);
        _telemetry.MeasurementsOf("databrain.client.retries").Should().BeEmpty();

        var line = SdkLines().Should().ContainSingle().Subject;
        line.EventId.Should().Be(new EventId(2002, "DatabrainOperationFailed"));
        line.Level.Should().Be(LogLevel.Information);
        line.Message.Should().MatchRegex(
            @"^DataBrain create failed: HTTP 400, error code DATASOURCE_NAME_ERROR, error type 400, 1 attempt\(s\), [0-9.]+ ms; datasource type postgres, name production-postgres\.$");
    }

    [Fact]
    public async Task NoAnswer_IsTaggedWithTheExceptionType_AndNoStatus()
    {
        var client = _api.CreateClient(o => o.BaseAddress = Ports.ClosedAddress(), _loggerFactory);

        await FluentActions.Awaiting(() => client.DeleteDatasourceAsync("old-one")).Should().ThrowAsync<DatabrainConnectionException>();

        var operation = _telemetry.Activities.Should().ContainSingle(a => a.OperationName == "databrain.datasource.delete").Subject;
        Tags(operation).Should().Contain(new Dictionary<string, object?>
        {
            ["databrain.datasource.name"] = "old-one",
            ["error.type"] = "Databrain.Client.DatabrainConnectionException",
            ["databrain.attempts"] = 4,
        });
        Tags(operation).Should().NotContainKeys("http.response.status_code", "databrain.error.code", "databrain.datasource.type");
        _telemetry.Activities.Where(a => a.OperationName == "databrain.http.attempt").Select(a => Tags(a)["error.type"])
            .Should().Equal(Enumerable.Repeat("System.Net.Http.HttpRequestException", 4));
        _telemetry.MeasurementsOf("databrain.client.retries").Select(m => m.TagMap["error.type"])
            .Should().Equal(Enumerable.Repeat("System.Net.Http.HttpRequestException", 3));
        _telemetry.MeasurementsOf("databrain.client.errors").Should().ContainSingle()
            .Which.TagMap.Should().BeEquivalentTo(new Dictionary<string, object?>
            {
                ["databrain.operation"] = "delete", ["error.type"] = "Databrain.Client.DatabrainConnectionException",
            });
    }

    [Fact]
    public async Task TheCallLines_CarryTheRequestId_AndLeaveOutWhatTheCallDidNotHave()
    {
        Operations.Stub(_api, DatabrainOperation.List, 200, Operations.SuccessBody(DatabrainOperation.List), ("x-request-id", "req-ok"));
        var client = _api.CreateClient(loggerFactory: _loggerFactory);
        var unreachable = _api.CreateClient(o => o.BaseAddress = Ports.ClosedAddress(), _loggerFactory);

        await client.GetDatasourcePageAsync(1);
        await Record.ExceptionAsync(() => unreachable.GetDatasourcePageAsync(1));

        var lines = SdkLines().Where(l => l.EventId.Id is 2001 or 2002).ToList();
        lines.Should().HaveCount(2);
        lines[0].Message.Should().MatchRegex(@"^DataBrain list succeeded: HTTP 200, 1 attempt\(s\), [0-9.]+ ms; request id req-ok\.$");
        lines[0].Value("RequestId").Should().Be("req-ok");
        lines[1].Message.Should().MatchRegex(
            @"^DataBrain list failed: error type Databrain\.Client\.DatabrainConnectionException, 4 attempt\(s\), [0-9.]+ ms\.$");
        lines[1].State.Select(p => p.Key).Should().NotContain(["Status", "ErrorCode", "RequestId", "DatasourceType", "DatasourceName"]);
        string.Join("\n", lines.Select(l => l.Message)).Should().NotContain("(null)");
    }

    [Fact]
    public async Task TheOutcomeChecksListCalls_AreLabelledAsSuch()
    {
        using var raw = new RawHttpServer(r => r.Method == "POST" ? RawAnswer.Reset : RawAnswer.Full(200, """{"data":[]}"""));
        var client = _api.CreateClient(o => o.BaseAddress = raw.BaseAddress, _loggerFactory);

        await Record.ExceptionAsync(() => client.CreateDatasourceAsync(ApiServer.Postgres()));

        SdkLines().Should().Contain(l => l.EventId.Id == 2001 && l.Message.StartsWith("DataBrain list (outcome check of a create) succeeded:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASuccessfulCallThroughAddDatabrainClient_WritesNothingAtInformationOrAbove_FromAnyCategory()
    {
        Operations.Stub(_api, DatabrainOperation.Create, 200, Operations.SuccessBody(DatabrainOperation.Create), ("x-request-id", "req-1"));
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Information));
        services.AddSingleton<TimeProvider>(_api.Clock);
        services.AddDatabrainClient(o =>
        {
            o.BaseAddress = _api.BaseAddress;
            o.ServiceToken = ApiServer.Token;
        });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<DatabrainClient>().CreateDatasourceAsync(ApiServer.Postgres());

        _logs.Logs.Should().BeEmpty("a healthy app at the default level sees no line per call");
    }

    [Fact]
    public void WithNoListenerAndNoLogger_NoScopeIsCreated()
    {
        _telemetry.Dispose();

        OperationScope.Start(Pipeline.ApiRequest.List(1), _api.BaseAddress, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, TimeProvider.System)
            .Should().BeNull();
    }

    private static Dictionary<string, object?> Tags(Activity activity) => activity.TagObjects.ToDictionary(t => t.Key, t => t.Value);

    private List<CapturedLog> SdkLines() => [.. _logs.Logs.Where(l => l.Category == "Databrain.Client")];
}
