using System.Diagnostics;
using Databrain.Client.Models;
using Databrain.Emulator;
using Databrain.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Databrain.Client.Tests.Contract;

/// <summary>
/// The SDK, through the emulator, against the real PostgreSQL server that <c>.ci/postgres-setup.sh</c>
/// provisions. Without its settings these tests fail with the command to run: they never pass silently.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class PostgresEndToEndTests : EmulatorFixture
{
    private readonly PostgresSettings _pg = PostgresSettings.FromEnvironment();
    private readonly FakeLogCollector _emulatorLogs = new();

    // Default probes: postgres credentials are tested by really connecting.
    protected override DatabrainEmulatorOptions CreateOptions() => new()
    {
        ConfigureLogging = logging => logging.AddProvider(new FakeLoggerProvider(_emulatorLogs)).SetMinimumLevel(LogLevel.Trace),
    };

    [Fact]
    public async Task CorrectCredentials_CreateTheDatasource_AndTheCachedSchemaListsTheRealTables()
    {
        var name = await Client.CreateDatasourceAsync(Credentials("shop"));

        name.Name.Should().Be("shop");
        var schema = Emulator.FindDatasource("shop")!.Schema!;
        schema.Tables.Select(t => t.Name).Should().Equal("customers", "orders", "products");
        schema.Tables.Single(t => t.Name == "customers").Columns.Select(c => c.Name).Should().Equal("id", "name", "email");
    }

    [Fact]
    public async Task AWrongPassword_IsACredentialTestFailure_WithThePasswordNowhere()
    {
        var wrong = "Wr0ng-" + Guid.NewGuid().ToString("N");

        var exception = await Record.ExceptionAsync(() => Client.CreateDatasourceAsync(Credentials("bad-password") with { Password = wrong }));

        var failed = exception.Should().BeOfType<CredentialTestFailedException>().Subject;
        failed.ErrorCode.Should().Be("CREDENTIAL_TEST_FAILED");
        failed.ServerMessage.Should().Contain("password authentication failed");
        failed.ToString().Should().NotContain(wrong).And.NotContain(_pg.Password);
        _emulatorLogs.GetSnapshot().Should().NotBeEmpty()
            .And.AllSatisfy(log => log.Message.Should().NotContain(wrong).And.NotContain(_pg.Password));
        Emulator.Datasources.Should().BeEmpty();
    }

    [Fact]
    public async Task AClosedPort_IsACredentialTestFailure_WithinAFewSeconds()
    {
        var stopwatch = Stopwatch.StartNew();

        var exception = await Record.ExceptionAsync(() => Client.CreateDatasourceAsync(Credentials("closed") with { Port = Ports.Closed() }));

        stopwatch.Stop();
        exception.Should().BeOfType<CredentialTestFailedException>().Which.Status.Should().Be(400);
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), "a refused connection is answered at once, not after a long timeout");
    }

    [Fact]
    public async Task Update_WithAWrongPassword_KeepsTheStoredCredentials()
    {
        await Client.CreateDatasourceAsync(Credentials("kept"));

        var exception = await Record.ExceptionAsync(() => Client.UpdateDatasourceAsync(Credentials("kept") with { Password = "not-it" }));

        exception.Should().BeOfType<CredentialTestFailedException>().Which.Operation.Should().Be(DatabrainOperation.Update);
        Emulator.FindDatasource("kept")!.Credentials.GetProperty("password").GetString().Should().Be(_pg.Password);
    }

    private PostgresCredentials Credentials(string name) => new()
    {
        Name = name,
        Host = _pg.Host,
        Port = _pg.Port,
        Username = _pg.User,
        Password = _pg.Password,
        Database = _pg.Database,
        Schema = _pg.Schema,
        SslMode = false,
    };
}
