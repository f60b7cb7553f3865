using System.Text.Json.Nodes;
using Databrain.Emulator.Tests.Infrastructure;

namespace Databrain.Emulator.Tests;

/// <summary>Every DataBrain endpoint: happy path and each error it answers, over loopback HTTP.</summary>
public sealed class EndpointTests : EmulatorTestBase
{
    private static readonly DatasourceSample Postgres = DatasourceSamples.Get("postgres");

    [Fact]
    public async Task CreateAnswersTheName()
    {
        var response = await Client.CreateAsync(Postgres.Body("orders-db"));
        var body = await response.ShouldSucceedAsync();
        body.ToJsonString().Should().Be("""{"name":"orders-db"}""");
        var stored = Emulator.FindDatasource("orders-db")!;
        stored.Id.Should().NotBe(Guid.Empty);
        stored.Credentials.GetProperty("host").GetString().Should().Be("db.example.com");
    }

    [Fact]
    public async Task CreateTwiceIsANameError()
    {
        await (await Client.CreateAsync(Postgres.Body("dup"))).ShouldSucceedAsync();
        var error = await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("dup"))).ShouldFailAsync(400, "DATASOURCE_NAME_ERROR");
        error.Message.Should().NotBeNullOrWhiteSpace();
        Emulator.Datasources.Should().ContainSingle();
    }

    [Fact]
    public async Task NamesAreCaseSensitive()
    {
        await (await Client.CreateAsync(Postgres.Body("Sales"))).ShouldSucceedAsync();
        await (await Client.CreateAsync(Postgres.Body("sales"))).ShouldSucceedAsync();
        Emulator.Datasources.Select(d => d.Name).Should().Equal("Sales", "sales");
    }

    [Fact]
    public async Task EachDatasourceGetsItsOwnUuid()
    {
        await (await Client.CreateAsync(Postgres.Body("a"))).ShouldSucceedAsync();
        await (await Client.CreateAsync(Postgres.Body("b"))).ShouldSucceedAsync();
        Emulator.Datasources.Select(d => d.Id).Should().OnlyHaveUniqueItems().And.NotContain(Guid.Empty);
    }

    [Fact]
    public async Task UpdateReplacesTheCredentials()
    {
        await (await Client.CreateAsync(Postgres.Body("pg"))).ShouldSucceedAsync();
        var id = Emulator.FindDatasource("pg")!.Id;

        var body = await (await Client.UpdateAsync(Postgres.Body("pg", c => c["host"] = "db2.example.com"))).ShouldSucceedAsync();

        body.ToJsonString().Should().Be("""{"name":"pg"}""");
        var stored = Emulator.FindDatasource("pg")!;
        stored.Credentials.GetProperty("host").GetString().Should().Be("db2.example.com");
        stored.Id.Should().Be(id);
    }

    [Fact]
    public async Task UpdateOfAnUnknownNameIsANameError()
    {
        await (await Client.UpdateAsync(Postgres.Body("nobody"))).ShouldFailAsync(400, "DATASOURCE_NAME_ERROR");
        Emulator.Datasources.Should().BeEmpty();
    }

    [Fact]
    public async Task UpdateCannotChangeTheType()
    {
        await (await Client.CreateAsync(Postgres.Body("pg"))).ShouldSucceedAsync();
        var error = await (await Client.UpdateAsync(DatasourceSamples.Get("redshift").Body("pg"))).ShouldBeInvalidAsync();
        error.Message.Should().Contain("datasourceType cannot change");
        Emulator.FindDatasource("pg")!.DatasourceType.Should().Be("postgres");
    }

    [Fact]
    public async Task UpdateValidatesTheFullBody()
    {
        await (await Client.CreateAsync(Postgres.Body("pg"))).ShouldSucceedAsync();
        var error = await (await Client.UpdateAsync(Postgres.Body("pg", c => c.Remove("password")))).ShouldBeInvalidAsync();
        error.Message.Should().Contain("credentials.password is required");
        Emulator.FindDatasource("pg")!.Credentials.GetProperty("password").GetString().Should().Be(DatasourceSamples.Password);
    }

    [Fact]
    public async Task UpdateWithoutTenancySettingsLeavesThemUnchanged()
    {
        var create = Postgres.Body("pg");
        create["tenancySettings"] = new JsonObject { ["tenancyLevel"] = "TABLE", ["clientColumnType"] = "NUMBER", ["tableName"] = "clients" };
        await (await Client.CreateAsync(create)).ShouldSucceedAsync();

        await (await Client.UpdateAsync(Postgres.Body("pg", c => c["database"] = "other"))).ShouldSucceedAsync();

        var tenancy = Emulator.FindDatasource("pg")!.TenancySettings!.Value;
        tenancy.GetProperty("tenancyLevel").GetString().Should().Be("TABLE");
        tenancy.GetProperty("tableName").GetString().Should().Be("clients");
    }

    [Fact]
    public async Task UpdateWithTenancySettingsOverwritesThem()
    {
        var create = Postgres.Body("pg");
        create["tenancySettings"] = new JsonObject { ["tenancyLevel"] = "TABLE", ["clientColumnType"] = "NUMBER", ["tableName"] = "clients" };
        await (await Client.CreateAsync(create)).ShouldSucceedAsync();

        var update = Postgres.Body("pg");
        update["tenancySettings"] = new JsonObject { ["tenancyLevel"] = "DATABASE" };
        await (await Client.UpdateAsync(update)).ShouldSucceedAsync();

        var tenancy = Emulator.FindDatasource("pg")!.TenancySettings!.Value;
        tenancy.GetProperty("tenancyLevel").GetString().Should().Be("DATABASE");
        tenancy.TryGetProperty("tableName", out _).Should().BeFalse();
    }

    [Fact]
    public async Task UpdateCreatesTenancySettingsWhenThereWereNone()
    {
        await (await Client.CreateAsync(Postgres.Body("pg"))).ShouldSucceedAsync();
        Emulator.FindDatasource("pg")!.TenancySettings.Should().BeNull();
        var update = Postgres.Body("pg");
        update["tenancySettings"] = new JsonObject { ["tenancyLevel"] = "DATABASE" };
        await (await Client.UpdateAsync(update)).ShouldSucceedAsync();
        Emulator.FindDatasource("pg")!.TenancySettings!.Value.GetProperty("tenancyLevel").GetString().Should().Be("DATABASE");
    }

    [Fact]
    public async Task ListReturnsNamesOnly()
    {
        await (await Client.CreateAsync(Postgres.Body("first"))).ShouldSucceedAsync();
        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("second"))).ShouldSucceedAsync();

        var body = await (await Client.GetAsync(Api.DatasourcePath)).ShouldSucceedAsync();

        body.ToJsonString().Should().Be("""{"data":[{"name":"first"},{"name":"second"}]}""");
    }

    [Fact]
    public async Task ListPagesHoldTenInCreationOrder()
    {
        var names = Enumerable.Range(1, 25).Select(i => $"ds-{i:00}").ToList();
        foreach (var name in names)
        {
            await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body(name))).ShouldSucceedAsync();
        }

        (await PageAsync("?isPagination=true&pageNumber=1")).Should().Equal(names.Take(10));
        (await PageAsync("?isPagination=true&pageNumber=2")).Should().Equal(names.Skip(10).Take(10));
        (await PageAsync("?isPagination=true&pageNumber=3")).Should().Equal(names.Skip(20));
        (await PageAsync("?isPagination=true&pageNumber=3")).Should().HaveCount(5);
        (await PageAsync("?isPagination=true&pageNumber=4")).Should().BeEmpty();
        (await PageAsync("?isPagination=true")).Should().Equal(names.Take(10), "pageNumber defaults to 1");
        (await PageAsync("?isPagination=false")).Should().Equal(names);
        (await PageAsync("?isPagination=false&pageNumber=2")).Should().Equal(names, "pageNumber only matters when paginating");
        (await PageAsync(string.Empty)).Should().Equal(names, "isPagination defaults to false");
    }

    [Fact]
    public async Task ListKeepsCreationOrderAfterDeletesAndUpdates()
    {
        foreach (var name in new[] { "a", "b", "c" })
        {
            await (await Client.CreateAsync(Postgres.Body(name))).ShouldSucceedAsync();
        }

        await (await Client.UpdateAsync(Postgres.Body("a"))).ShouldSucceedAsync();
        await (await Client.DeleteDatasourceAsync("b")).ShouldSucceedAsync();
        await (await Client.CreateAsync(Postgres.Body("b"))).ShouldSucceedAsync();

        (await PageAsync(string.Empty)).Should().Equal("a", "c", "b");
    }

    [Theory]
    [InlineData("?isPagination=yes")]
    [InlineData("?isPagination=TRUE")]
    [InlineData("?isPagination=1")]
    [InlineData("?isPagination=")]
    [InlineData("?isPagination=true&isPagination=false")]
    [InlineData("?isPagination=true&pageNumber=0")]
    [InlineData("?isPagination=true&pageNumber=-1")]
    [InlineData("?isPagination=true&pageNumber=abc")]
    [InlineData("?isPagination=true&pageNumber=1.5")]
    [InlineData("?isPagination=true&pageNumber=")]
    [InlineData("?isPagination=true&pageNumber=+2")]
    [InlineData("?isPagination=true&pageNumber=99999999999")]
    public async Task ListRejectsBadQueryValues(string query)
    {
        var error = await (await Client.GetAsync(Api.DatasourcePath + query)).ShouldBeInvalidAsync();
        error.Message.Should().MatchRegex("isPagination|pageNumber");
    }

    [Fact]
    public async Task DeleteAnswersTheIdAndRemovesTheDatasource()
    {
        await (await Client.CreateAsync(Postgres.Body("gone"))).ShouldSucceedAsync();
        var id = Emulator.FindDatasource("gone")!.Id;

        var body = await (await Client.DeleteDatasourceAsync("gone")).ShouldSucceedAsync();

        body["id"]!.GetValue<string>().Should().Be(id.ToString("D"));
        body["message"]!.GetValue<string>().Should().Be("Datasource deleted successfully");
        body.AsObject().Count.Should().Be(2);
        Emulator.Datasources.Should().BeEmpty();
        await (await Client.DeleteDatasourceAsync("gone")).ShouldFailAsync(400, "DATASOURCE_NAME_ERROR");
    }

    [Fact]
    public async Task DeleteFindsNamesThatNeedEncoding()
    {
        const string Name = "sales & marketing/EU ü?#";
        await (await Client.CreateAsync(Postgres.Body(Name))).ShouldSucceedAsync();
        await (await Client.DeleteDatasourceAsync(Name)).ShouldSucceedAsync();
        Emulator.Datasources.Should().BeEmpty();
    }

    [Fact]
    public async Task DeleteOfAnUnknownNameIsANameError()
    {
        await (await Client.DeleteDatasourceAsync("nobody")).ShouldFailAsync(400, "DATASOURCE_NAME_ERROR");
    }

    [Theory]
    [InlineData("")]
    [InlineData("?datasourceName=")]
    [InlineData("?datasourceName=%20")]
    [InlineData("?datasourceName=a&datasourceName=b")]
    public async Task DeleteNeedsOneDatasourceName(string query)
    {
        var error = await (await Client.DeleteAsync(Api.DatasourcePath + query)).ShouldBeInvalidAsync();
        error.Message.Should().Contain("datasourceName");
    }

    [Fact]
    public async Task DeleteOfADatasourceInUseIsRefused()
    {
        await (await Client.CreateAsync(Postgres.Body("busy"))).ShouldSucceedAsync();
        Emulator.SetInUse("busy", inUse: true).Should().BeTrue();

        await (await Client.DeleteDatasourceAsync("busy")).ShouldFailAsync(400, "DATASOURCE_IN_USE");
        Emulator.FindDatasource("busy").Should().NotBeNull();

        Emulator.SetInUse("busy", inUse: false);
        await (await Client.DeleteDatasourceAsync("busy")).ShouldSucceedAsync();
        Emulator.SetInUse("busy", inUse: true).Should().BeFalse("it is gone");
    }

    [Fact]
    public async Task SyncByIdCompletes()
    {
        await (await Client.CreateAsync(Postgres.Body("synced"))).ShouldSucceedAsync();
        var id = Emulator.FindDatasource("synced")!.Id;

        var body = await (await Client.SyncAsync(id.ToString("D"))).ShouldSucceedAsync();

        body.ToJsonString().Should().Be("""{"data":{"message":"Sync completed"}}""");
        Emulator.FindDatasource("synced")!.SyncCount.Should().Be(1);
        await (await Client.SyncAsync(id.ToString("D").ToUpperInvariant())).ShouldSucceedAsync();
        Emulator.FindDatasource("synced")!.SyncCount.Should().Be(2);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("not-a-uuid")]
    [InlineData("synced")]
    [InlineData("{6f9619ff-8b86-d011-b42d-00cf4fc964ff}")]
    public async Task SyncOfAnUnknownOrInvalidIdIsAnIdError(string id)
    {
        await (await Client.CreateAsync(Postgres.Body("synced"))).ShouldSucceedAsync();
        await (await Client.SyncAsync(id)).ShouldFailAsync(400, "DATASOURCE_ID_ERROR");
    }

    [Fact]
    public async Task SyncOfADeletedDatasourceIsAnIdError()
    {
        await (await Client.CreateAsync(Postgres.Body("temp"))).ShouldSucceedAsync();
        var id = Emulator.FindDatasource("temp")!.Id;
        await (await Client.DeleteDatasourceAsync("temp")).ShouldSucceedAsync();
        await (await Client.SyncAsync(id.ToString("D"))).ShouldFailAsync(400, "DATASOURCE_ID_ERROR");
    }

    [Theory]
    [InlineData("{}", "input is required")]
    [InlineData("""{"input":"x"}""", "input must be a JSON object")]
    [InlineData("""{"input":{}}""", "input.datasourceId is required")]
    [InlineData("""{"input":{"datasourceId":42}}""", "input.datasourceId must be a string")]
    [InlineData("""{"input":{"datasourceId":" "}}""", "input.datasourceId must not be blank")]
    [InlineData("""{"datasourceId":"6f9619ff-8b86-d011-b42d-00cf4fc964ff"}""", "input is required")]
    [InlineData("{", "body is not valid JSON")]
    public async Task SyncBodyIsValidated(string json, string expected)
    {
        var error = await (await Client.PostAsync(Api.SyncPath, Api.Json(json))).ShouldBeInvalidAsync();
        error.Message.Should().Contain(expected);
    }

    [Fact]
    public async Task RejectedConnectionIsACredentialTestFailure()
    {
        Emulator.SetConnectionProbe("mysql", ConnectionProbeMode.Reject);
        var error = await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("rejected"))).ShouldFailAsync(400, "CREDENTIAL_TEST_FAILED");
        error.Message.Should().NotContain(DatasourceSamples.Password);
        Emulator.Datasources.Should().BeEmpty();
    }

    [Fact]
    public async Task RejectedConnectionOnUpdateKeepsTheOldCredentials()
    {
        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body("kept"))).ShouldSucceedAsync();
        Emulator.SetConnectionProbe("mysql", ConnectionProbeMode.Reject);

        await (await Client.UpdateAsync(DatasourceSamples.Get("mysql").Body("kept", c => c["host"] = "new.example.com")))
            .ShouldFailAsync(400, "CREDENTIAL_TEST_FAILED");

        Emulator.FindDatasource("kept")!.Credentials.GetProperty("host").GetString().Should().Be("db.example.com");
    }

    [Fact]
    public async Task EveryResponseCarriesADistinctRequestId()
    {
        await (await Client.CreateAsync(Postgres.Body("x"))).ShouldSucceedAsync();
        var responses = new List<HttpResponseMessage>
        {
            await Client.GetAsync(Api.DatasourcePath),
            await Client.CreateAsync(Postgres.Body("x")),
            await Client.GetAsync("api/v2/nothing-here"),
            await Client.GetAsync("_emulator/datasources"),
            await Emulator.Unauthenticated().GetAsync(Api.DatasourcePath),
        };

        var ids = responses.Select(r => r.Headers.GetValues("x-request-id").Single()).ToList();
        ids.Should().OnlyHaveUniqueItems().And.AllSatisfy(id => Guid.TryParse(id, out _).Should().BeTrue());
    }

    [Fact]
    public async Task UnknownEndpointIsANotFoundEnvelope()
    {
        await (await Client.GetAsync("api/v2/nothing-here")).ShouldFailAsync(404, "NOT_FOUND");
    }

    [Fact]
    public async Task UnsupportedMethodIsRefused()
    {
        var response = await Client.PatchAsync(Api.DatasourcePath, Api.Json("{}"));
        await response.ShouldFailAsync(405, "METHOD_NOT_ALLOWED");
    }

    private async Task<List<string>> PageAsync(string query)
    {
        var body = await (await Client.GetAsync(Api.DatasourcePath + query)).ShouldSucceedAsync();
        return [.. body["data"]!.AsArray().Select(item => item!["name"]!.GetValue<string>())];
    }
}
