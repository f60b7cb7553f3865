using Databrain.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Databrain.Emulator.Tests;

/// <summary>Log lines name the operation, type, name and status, never a credential value or the token.</summary>
public sealed class LoggingTests : EmulatorTestBase
{
    private readonly FakeLogCollector _logs = new();

    protected override DatabrainEmulatorOptions CreateOptions() => new()
    {
        AcceptAllConnections = true,
        ServiceToken = "tok-S3cret-LogCheck",
        ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)),
    };

    [Fact]
    public async Task NoLogLineHoldsASecretOrTheToken()
    {
        foreach (var sample in DatasourceSamples.All)
        {
            await (await Client.CreateAsync(sample.Body(sample.Type + "-log"))).ShouldSucceedAsync();
            await (await Client.UpdateAsync(sample.Body(sample.Type + "-log"))).ShouldSucceedAsync();
            await (await Client.CreateAsync(sample.Body(sample.Type + "-bad", c => c.Remove("name")))).ShouldBeInvalidAsync();
        }

        Emulator.SetConnectionProbe("mysql", new DelegateProbe(c => ConnectionProbeResult.CredentialTestFailed("refused for " + c.GetString("password"))));
        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("refused"))).ShouldFailAsync(400, "CREDENTIAL_TEST_FAILED");
        Emulator.SetConnectionProbe("clickhouse", new DelegateProbe(_ => throw new InvalidOperationException(DatasourceSamples.Password)));
        await (await Client.CreateAsync(DatasourceSamples.Get("clickhouse").Body("throws"))).ShouldFailAsync(500, "CREATE_DATASOURCE_FAILED");
        await (await Client.CreateAsync("{\"password\":\"" + DatasourceSamples.Password)).ShouldBeInvalidAsync();
        using (var wrong = Emulator.WithAuthorization("Bearer", "tok-S3cret-Wrong"))
        {
            await (await wrong.GetAsync(Api.DatasourcePath)).ShouldFailAsync(401, "AUTHENTICATION_ERROR");
        }

        await (await Client.DeleteDatasourceAsync("mysql-log")).ShouldSucceedAsync();
        await (await Client.SyncAsync(Emulator.FindDatasource("postgres-log")!.Id.ToString("D"))).ShouldSucceedAsync();
        await (await Client.PutAsync("_emulator/latency", Api.Json("""{"milliseconds":0}"""))).Content.ReadAsStringAsync();

        var records = _logs.GetSnapshot();
        records.Should().NotBeEmpty();
        var forbidden = DatasourceSamples.SecretValues.Append("tok-S3cret-LogCheck").Append("tok-S3cret-Wrong").ToList();
        foreach (var record in records)
        {
            var text = record.Message + " " + string.Join(" ", record.StructuredState?.Select(pair => pair.Value) ?? []) + " " + record.Exception;
            foreach (var secret in forbidden)
            {
                text.Should().NotContain(secret, "log line '{0}' must not hold a secret", record.Message);
            }
        }

        records.Should().Contain(r => r.Message.Contains("create type=postgres name=postgres-log answered 200 OK", StringComparison.Ordinal));
        records.Should().Contain(r => r.Message.Contains("create type=mysql name=refused answered 400 CREDENTIAL_TEST_FAILED", StringComparison.Ordinal));
        records.Should().Contain(r => r.Message.Contains("delete type=mysql name=mysql-log answered 200 OK", StringComparison.Ordinal));
        records.Should().Contain(r => r.Message.Contains("answered 401 AUTHENTICATION_ERROR", StringComparison.Ordinal));
    }
}
