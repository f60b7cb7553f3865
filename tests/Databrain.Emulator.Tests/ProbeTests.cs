using System.Net;
using System.Net.Sockets;
using Databrain.Emulator.Tests.Infrastructure;

namespace Databrain.Emulator.Tests;

/// <summary>Connection probes: the built-in modes, custom probes, and what failures answer.</summary>
public sealed class ProbeTests : EmulatorTestBase
{
    protected override DatabrainEmulatorOptions CreateOptions() => new();

    [Fact]
    public async Task AcceptIsTheDefaultForTypesOtherThanPostgresAndRedshift()
    {
        foreach (var sample in DatasourceSamples.All.Where(s => s.Type is not ("postgres" or "redshift")))
        {
            await (await Client.CreateAsync(sample.Body(Names.Unique(sample.Type)))).ShouldSucceedAsync();
        }
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("redshift")]
    public async Task PostgresAndRedshiftAreProbedForRealByDefault(string type)
    {
        var port = ClosedPort.Find();
        var response = await Client.CreateAsync(DatasourceSamples.Get(type).Body("pg", c =>
        {
            c["host"] = "127.0.0.1";
            c["port"] = port;
        }));
        var error = await response.ShouldFailAsync(400, "CREDENTIAL_TEST_FAILED");
        error.Message.Should().NotContain(DatasourceSamples.Password);
        Emulator.Datasources.Should().BeEmpty();
    }

    [Fact]
    public async Task AcceptAllConnectionsDisablesProbing()
    {
        await using var emulator = await DatabrainEmulator.StartAsync(new DatabrainEmulatorOptions { AcceptAllConnections = true });
        using var client = emulator.CreateClient();
        var body = DatasourceSamples.Get("postgres").Body("pg", c => c["port"] = ClosedPort.Find());
        await (await client.CreateAsync(body)).ShouldSucceedAsync();
    }

    [Fact]
    public async Task OptionsChooseAProbePerType()
    {
        var options = new DatabrainEmulatorOptions().UseConnectionProbe("mysql", ConnectionProbeMode.Reject);
        options.ConnectionProbes["postgres"] = ConnectionProbes.Accept;
        await using var emulator = await DatabrainEmulator.StartAsync(options);
        using var client = emulator.CreateClient();

        await (await client.CreateAsync(DatasourceSamples.Get("mysql").Body("m"))).ShouldFailAsync(400, "CREDENTIAL_TEST_FAILED");
        await (await client.CreateAsync(DatasourceSamples.Get("clickhouse").Body("c"))).ShouldSucceedAsync();
        await (await client.CreateAsync(DatasourceSamples.Get("postgres").Body("p", c => c["port"] = ClosedPort.Find()))).ShouldSucceedAsync();
    }

    [Fact]
    public async Task TcpReachableSucceedsWhenSomethingListens()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Emulator.SetConnectionProbe("mysql", ConnectionProbeMode.TcpReachable);

        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("up", c =>
        {
            c["host"] = "127.0.0.1";
            c["port"] = port;
        }))).ShouldSucceedAsync();
        listener.Stop();
    }

    [Fact]
    public async Task TcpReachableFailsOnAClosedPort()
    {
        Emulator.SetConnectionProbe("mssql", ConnectionProbes.TcpReachable(TimeSpan.FromSeconds(5)));
        var response = await Client.CreateAsync(DatasourceSamples.Get("mssql").Body("down", c =>
        {
            c["server"] = "127.0.0.1";
            c["port"] = ClosedPort.Find();
        }));
        var error = await response.ShouldFailAsync(400, "CREDENTIAL_TEST_FAILED");
        error.Message.Should().Contain("127.0.0.1").And.NotContain(DatasourceSamples.Password);
    }

    [Fact]
    public async Task TcpReachableReadsTheServerUrlOfSearchEngines()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Emulator.SetConnectionProbe("elasticsearch", ConnectionProbeMode.TcpReachable);

        await (await Client.CreateAsync(DatasourceSamples.Get("elasticsearch").Body("es", c => c["server_url"] = $"http://127.0.0.1:{port}")))
            .ShouldSucceedAsync();
        await (await Client.CreateAsync(DatasourceSamples.Get("elasticsearch").Body("es2", c => c["server_url"] = $"http://127.0.0.1:{ClosedPort.Find()}")))
            .ShouldFailAsync(400, "CREDENTIAL_TEST_FAILED");
        listener.Stop();
    }

    [Fact]
    public async Task TcpReachableFailsWhenThereIsNoHost()
    {
        Emulator.SetConnectionProbe("bigquery", ConnectionProbeMode.TcpReachable);
        await (await Client.CreateAsync(DatasourceSamples.Get("bigquery").Body("bq"))).ShouldFailAsync(400, "CREDENTIAL_TEST_FAILED");
    }

    [Fact]
    public async Task ACustomProbeGetsTheValidatedRequest()
    {
        var probe = new DelegateProbe(_ => ConnectionProbeResult.Success());
        Emulator.SetConnectionProbe("databricks", probe);

        await (await Client.CreateAsync(DatasourceSamples.Get("databricks").Body("dbx"))).ShouldSucceedAsync();
        await (await Client.UpdateAsync(DatasourceSamples.Get("databricks").Body("dbx", c => c["httpPath"] = "/other"))).ShouldSucceedAsync();

        probe.Calls.Should().HaveCount(2);
        probe.Calls[0].DatasourceType.Should().Be("databricks");
        probe.Calls[0].Name.Should().Be("dbx");
        probe.Calls[0].GetString("token").Should().Be(DatasourceSamples.Token);
        probe.Calls[1].GetString("httpPath").Should().Be("/other");
        probe.Calls[0].ToString().Should().NotContain(DatasourceSamples.Token);
    }

    [Fact]
    public async Task ProbeIsNotRunForInvalidBodiesOrTakenNames()
    {
        var probe = new DelegateProbe(_ => ConnectionProbeResult.Success());
        Emulator.SetConnectionProbe("mysql", probe);
        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("m"))).ShouldSucceedAsync();
        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("m"))).ShouldFailAsync(400, "DATASOURCE_NAME_ERROR");
        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("n", c => c.Remove("host")))).ShouldBeInvalidAsync();
        await (await Client.UpdateAsync(DatasourceSamples.Get("mysql").Body("nobody"))).ShouldFailAsync(400, "DATASOURCE_NAME_ERROR");
        probe.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task FailureMessagesAreScrubbedOfEverySecret()
    {
        Emulator.SetConnectionProbe("athena", new DelegateProbe(context => ConnectionProbeResult.CredentialTestFailed(
            $"driver said: bad key {context.GetString("s3AccessKeyId")} / {context.GetString("s3SecretAccessKey")} for {context.GetString("database")}")));

        var error = await (await Client.CreateAsync(DatasourceSamples.Get("athena").Body("ath"))).ShouldFailAsync(400, "CREDENTIAL_TEST_FAILED");

        error.Message.Should().Be("driver said: bad key *** / *** for db");
    }

    [Fact]
    public async Task SchemaCacheFailureIsA500()
    {
        Emulator.SetConnectionProbe("mysql", new DelegateProbe(_ => ConnectionProbeResult.SchemaCacheFailed("could not read tables")));
        var error = await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("m"))).ShouldFailAsync(500, "SCHEMA_CACHE_FAILED");
        error.Message.Should().Be("could not read tables");
        Emulator.Datasources.Should().BeEmpty();
    }

    [Fact]
    public async Task AThrowingProbeFailsCreateAndUpdateWithoutDetails()
    {
        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("m"))).ShouldSucceedAsync();
        Emulator.SetConnectionProbe("mysql", new DelegateProbe(_ => throw new InvalidOperationException("boom " + DatasourceSamples.Password)));

        var create = await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("n"))).ShouldFailAsync(500, "CREATE_DATASOURCE_FAILED");
        var update = await (await Client.UpdateAsync(DatasourceSamples.Get("mysql").Body("m"))).ShouldFailAsync(500, "INTERNAL_SERVER_ERROR");

        create.Message.Should().NotContain(DatasourceSamples.Password).And.NotContain("boom");
        update.Message.Should().NotContain(DatasourceSamples.Password).And.NotContain("boom");
    }

    [Fact]
    public async Task TheCachedSchemaIsServedByTheEmulatorEndpoint()
    {
        var schema = new DatasourceSchema(
        [
            new SchemaTable("customers", [new SchemaColumn("id", "integer"), new SchemaColumn("name", "text")]),
            new SchemaTable("empty", []),
        ]);
        Emulator.SetConnectionProbe("redshift", new DelegateProbe(_ => ConnectionProbeResult.Success(schema)));
        await (await Client.CreateAsync(DatasourceSamples.Get("redshift").Body("rs"))).ShouldSucceedAsync();

        var body = await (await Client.GetAsync("_emulator/datasources/rs/schema")).ShouldSucceedAsync();

        body.ToJsonString().Should().Be(
            """{"tables":[{"name":"customers","columns":[{"name":"id","type":"integer"},{"name":"name","type":"text"}]},{"name":"empty","columns":[]}]}""");
        Emulator.FindDatasource("rs")!.Schema.Should().BeSameAs(schema);
    }

    [Fact]
    public async Task SchemaEndpointAnswersEmptyWithoutAProbedSchemaAndNotFoundForUnknownNames()
    {
        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("m"))).ShouldSucceedAsync();
        (await (await Client.GetAsync("_emulator/datasources/m/schema")).ShouldSucceedAsync()).ToJsonString().Should().Be("""{"tables":[]}""");
        await (await Client.GetAsync("_emulator/datasources/nobody/schema")).ShouldFailAsync(404, "DATASOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task ProbesCanBeChosenOverHttp()
    {
        (await Client.PutAsync("_emulator/probes/mysql", Api.Json("""{"mode":"Reject"}"""))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("m"))).ShouldFailAsync(400, "CREDENTIAL_TEST_FAILED");

        (await Client.PutAsync("_emulator/probes", Api.Json("""{"mode":"accept"}"""))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("m"))).ShouldSucceedAsync();
        await (await Client.CreateAsync(DatasourceSamples.Get("postgres").Body("p", c => c["port"] = ClosedPort.Find()))).ShouldSucceedAsync();

        await (await Client.PutAsync("_emulator/probes/cockroachdb", Api.Json("""{"mode":"Accept"}"""))).ShouldBeInvalidAsync();
        await (await Client.PutAsync("_emulator/probes/mysql", Api.Json("""{"mode":"Maybe"}"""))).ShouldBeInvalidAsync();
        await (await Client.PutAsync("_emulator/probes/mysql", Api.Json("""{"mode":"7"}"""))).ShouldBeInvalidAsync();
    }

    [Fact]
    public async Task ResetRestoresTheConfiguredProbes()
    {
        Emulator.SetConnectionProbeForAllTypes(ConnectionProbeMode.Reject);
        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("m"))).ShouldFailAsync(400, "CREDENTIAL_TEST_FAILED");
        Emulator.Reset();
        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("m"))).ShouldSucceedAsync();
    }

    [Fact]
    public void FromModeCoversEveryMode()
    {
        foreach (var mode in Enum.GetValues<ConnectionProbeMode>())
        {
            ConnectionProbes.FromMode(mode).Should().NotBeNull();
        }

        var act = () => ConnectionProbes.FromMode((ConnectionProbeMode)99);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ProbeResultsCarryTheirOutcome()
    {
        ConnectionProbeResult.Success().Outcome.Should().Be(ConnectionProbeOutcome.Succeeded);
        ConnectionProbeResult.Success(DatasourceSchema.Empty).Schema.Should().BeSameAs(DatasourceSchema.Empty);
        ConnectionProbeResult.CredentialTestFailed("x").Outcome.Should().Be(ConnectionProbeOutcome.CredentialTestFailed);
        ConnectionProbeResult.SchemaCacheFailed("y").Message.Should().Be("y");
        var context = new ConnectionProbeContext("mysql", "m", System.Text.Json.JsonDocument.Parse("""{"port":5,"ok":true,"s":"v"}""").RootElement);
        context.GetInt32("port").Should().Be(5);
        context.GetBoolean("ok").Should().BeTrue();
        context.GetString("s").Should().Be("v");
        context.GetString("port").Should().BeNull();
        context.GetInt32("missing").Should().BeNull();
    }
}
