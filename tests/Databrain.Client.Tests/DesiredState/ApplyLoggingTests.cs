using Databrain.Client.DesiredState;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Databrain.Client.Tests.DesiredState;

/// <summary>An apply logs one line per finished step and an upsert one line when it switches; names and types only, never a secret.</summary>
public sealed class ApplyLoggingTests : DesiredStateFixture, IDisposable
{
    private readonly FakeLogCollector _logs = new();
    private readonly ILoggerFactory _loggerFactory;

    public ApplyLoggingTests()
    {
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(_logs)).SetMinimumLevel(LogLevel.Trace));
    }

    public void Dispose() => _loggerFactory.Dispose();

    [Fact]
    public async Task EachStep_IsOneLine_AndAnUpsertThatUpdates_SaysWhy()
    {
        await SeedAsync("sales", "app-old");
        Emulator.SetConnectionProbe("postgres", DelegateProbe.Rejecting("bad"));
        var client = new DatabrainClient(
            new DatabrainClientOptions { BaseAddress = Emulator.BaseAddress, ServiceToken = Emulator.ServiceToken }, _loggerFactory);
        var plan = await client.PlanDatasourcesAsync([Definition("sales"), Definition("bad")], new DatasourcePlanOptions { PrunePrefix = "app-" });

        await client.ApplyDatasourcesAsync(plan, new DatasourceApplyOptions { MaxConcurrency = 1 });

        var lines = _logs.GetSnapshot();
        lines.Where(l => l.Id.Name == "DatabrainApplyStep").Select(l => (l.Level, Message: l.Message[..l.Message.LastIndexOf(" in ", StringComparison.Ordinal)]))
            .Should().Equal(
                (LogLevel.Debug, "DataBrain apply: update of postgres 'sales' succeeded"),
                (LogLevel.Information, "DataBrain apply: create of postgres 'bad' failed"),
                (LogLevel.Debug, "DataBrain apply: delete of datasource 'app-old' succeeded"));
        lines.Where(l => l.Id.Name == "DatabrainUpsertFallback").Select(l => l.Message).Should().Equal(
            "DataBrain upsert of postgres 'sales': the name exists; updating instead.");
        lines.Should().NotContain(l => l.Message.Contains("securepassword", StringComparison.Ordinal));
    }
}
