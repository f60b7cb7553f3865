using System.Text.Json;
using Databrain.Client.Models;
using Databrain.Emulator;

namespace Databrain.Client.Tests.Contract;

/// <summary>
/// The SDK against the emulator: two independent readings of the spec (typed models on one side, a
/// raw-JSON validation table on the other) must agree on every operation and error.
/// </summary>
public sealed class EmulatorContractTests : EmulatorFixture
{
    public static TheoryData<string> Samples => CredentialSamples.Keys;

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task EverySampleTheSdkAccepts_TheEmulatorAcceptsToo(string key)
    {
        var credentials = CredentialSamples.Create(key);

        var name = await Client.CreateDatasourceAsync(credentials);

        name.Name.Should().Be(credentials.Name);
        name.Status.Should().Be(200);
        Guid.TryParse(name.RequestId, out _).Should().BeTrue("the emulator gives every answer an x-request-id, and the result carries it");
        var stored = Emulator.FindDatasource(credentials.Name)!;
        stored.DatasourceType.Should().Be(credentials.DatasourceType.Value);
        JsonAssert.Equivalent(CredentialSamples.Json(key), stored.Credentials.GetRawText());
    }

    [Fact]
    public async Task CreateUpdateListSyncDelete_RoundTripThroughTheEmulator()
    {
        var credentials = ApiServer.Postgres("orders-db");
        var tenancy = new TenancySettings { TenancyLevel = TenancyLevel.Database };

        (await Client.CreateDatasourceAsync(credentials, tenancy)).Name.Should().Be("orders-db");
        (await Client.UpdateDatasourceAsync(credentials with { Schema = "reporting" })).Name.Should().Be("orders-db");
        var stored = Emulator.FindDatasource("orders-db")!;
        stored.Credentials.GetProperty("schema").GetString().Should().Be("reporting");
        stored.TenancySettings!.Value.GetProperty("tenancyLevel").GetString().Should().Be("DATABASE");

        (await Client.ListDatasourcesAsync().Select(d => d.Name).ToListAsync()).Should().Equal("orders-db");
        (await Client.SyncDatasourceAsync(stored.Id.ToString())).Message.Should().Be("Sync completed");
        Emulator.FindDatasource("orders-db")!.SyncCount.Should().Be(1);

        var deleted = await Client.DeleteDatasourceAsync("orders-db");
        deleted.Id.Should().Be(stored.Id.ToString());
        deleted.Message.Should().Be("Datasource deleted successfully");
        Emulator.Datasources.Should().BeEmpty();
    }

    [Fact]
    public async Task Paging_Over25Datasources_YieldsAllInOrder()
    {
        var names = Enumerable.Range(1, 25).Select(i => $"ds-{i:D2}").ToList();
        foreach (var name in names)
        {
            await Client.CreateDatasourceAsync(ApiServer.Postgres(name));
        }

        (await Client.ListDatasourcesAsync().Select(d => d.Name).ToListAsync()).Should().Equal(names);
        var third = await Client.GetDatasourcePageAsync(3);
        third.Items.Select(i => i.Name).Should().Equal(names.Skip(20));
        third.IsLastPage.Should().BeTrue();
        (await Client.GetDatasourcePageAsync(4)).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task ConcurrentCreatesOfOneName_ExactlyOneWins_TheRestConflict()
    {
        var attempts = Enumerable.Range(0, 12)
            .Select(_ => Record.ExceptionAsync(() => Client.CreateDatasourceAsync(ApiServer.Postgres("contended"))))
            .ToList();

        var outcomes = await Task.WhenAll(attempts);

        outcomes.Count(e => e is null).Should().Be(1);
        outcomes.Where(e => e is not null).Should().AllBeOfType<DatasourceNameConflictException>().And.HaveCount(11);
        Emulator.Datasources.Should().ContainSingle();
    }

    [Fact]
    public async Task InvalidRequestBody_FromTheServer_IsTyped()
    {
        // The escape hatch skips the SDK's per-type rules, so the emulator is the one to say no.
        var incomplete = new CustomCredentials(DatasourceType.Postgres) { Name = "half", Fields = { ["host"] = JsonSerializer.SerializeToElement("h") } };

        var exception = await Record.ExceptionAsync(() => Client.CreateDatasourceAsync(incomplete));

        var invalid = exception.Should().BeOfType<InvalidRequestBodyException>().Subject;
        invalid.ErrorCode.Should().Be("INVALID_REQUEST_BODY");
        invalid.Status.Should().Be(400);
        invalid.ServerMessage.Should().Contain("credentials.port").And.Contain("credentials.password");
        invalid.RequestId.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task DuplicateCreate_IsANameConflict()
    {
        await Client.CreateDatasourceAsync(ApiServer.Postgres("dup"));

        var exception = await Record.ExceptionAsync(() => Client.CreateDatasourceAsync(ApiServer.Postgres("dup")));

        exception.Should().BeOfType<DatasourceNameConflictException>().Which.ErrorCode.Should().Be("DATASOURCE_NAME_ERROR");
    }

    [Fact]
    public async Task UpdateOrDeleteOfAnUnknownName_IsNotFound()
    {
        var update = await Record.ExceptionAsync(() => Client.UpdateDatasourceAsync(ApiServer.Postgres("ghost")));
        var delete = await Record.ExceptionAsync(() => Client.DeleteDatasourceAsync("ghost"));

        update.Should().BeOfType<DatasourceNotFoundException>().Which.Operation.Should().Be(DatabrainOperation.Update);
        delete.Should().BeOfType<DatasourceNotFoundException>().Which.Operation.Should().Be(DatabrainOperation.Delete);
    }

    [Fact]
    public async Task ARejectedConnection_IsACredentialTestFailure()
    {
        Emulator.SetConnectionProbe("mysql", ConnectionProbeMode.Reject);

        var exception = await Record.ExceptionAsync(() => Client.CreateDatasourceAsync(CredentialSamples.Create("mysql/full")));

        exception.Should().BeOfType<CredentialTestFailedException>().Which.ErrorCode.Should().Be("CREDENTIAL_TEST_FAILED");
        Emulator.Datasources.Should().BeEmpty();
    }

    [Fact]
    public async Task DeletingADatasourceInUse_IsTyped()
    {
        await Client.CreateDatasourceAsync(ApiServer.Postgres("busy"));
        Emulator.SetInUse("busy", true);

        var exception = await Record.ExceptionAsync(() => Client.DeleteDatasourceAsync("busy"));

        exception.Should().BeOfType<DatasourceInUseException>().Which.ErrorCode.Should().Be("DATASOURCE_IN_USE");
    }

    [Fact]
    public async Task SyncOfAnUnknownId_IsAnIdError()
    {
        var exception = await Record.ExceptionAsync(() => Client.SyncDatasourceAsync(Guid.NewGuid().ToString()));

        exception.Should().BeOfType<InvalidDatasourceIdException>().Which.ErrorCode.Should().Be("DATASOURCE_ID_ERROR");
    }

    [Fact]
    public async Task AWrongToken_IsAnAuthenticationFailure_ThatDoesNotShowTheToken()
    {
        var exception = await Record.ExceptionAsync(() => CreateClient("not-the-token").GetDatasourcePageAsync(1));

        var auth = exception.Should().BeOfType<DatabrainAuthenticationException>().Subject;
        auth.Status.Should().Be(401);
        auth.ErrorCode.Should().Be("AUTHENTICATION_ERROR");
        auth.ToString().Should().NotContain("not-the-token").And.NotContain(Emulator.ServiceToken);
    }

    [Theory]
    [InlineData(DatabrainOperation.Create, 500, "SCHEMA_CACHE_FAILED", typeof(SchemaCacheFailedException))]
    [InlineData(DatabrainOperation.Create, 500, "CREATE_DATASOURCE_FAILED", typeof(CreateDatasourceFailedException))]
    [InlineData(DatabrainOperation.Delete, 500, "INTERNAL_SERVER_ERROR", typeof(DatabrainServerException))]
    [InlineData(DatabrainOperation.Update, 404, "DATASOURCE_NOT_FOUND", typeof(DatasourceNotFoundException))]
    [InlineData(DatabrainOperation.List, 429, "TOO_MANY_REQUESTS", typeof(DatabrainRateLimitedException))]
    public async Task InjectedServerFailures_AreTyped(DatabrainOperation operation, int status, string code, Type expected)
    {
        await Client.CreateDatasourceAsync(ApiServer.Postgres("production-postgres"));
        Emulator.FailNextRequests(1, status, code, "injected", retryAfter: TimeSpan.FromHours(1));

        var exception = await Record.ExceptionAsync(() => operation switch
        {
            DatabrainOperation.Create => Client.CreateDatasourceAsync(ApiServer.Postgres("second")),
            DatabrainOperation.Update => Client.UpdateDatasourceAsync(ApiServer.Postgres("production-postgres")),
            DatabrainOperation.List => Client.GetDatasourcePageAsync(1),
            _ => Client.DeleteDatasourceAsync("production-postgres"),
        });

        exception.Should().BeOfType(expected);
        var api = (DatabrainApiException)exception!;
        api.Status.Should().Be(status);
        api.ErrorCode.Should().Be(code);
        api.ServerMessage.Should().Be("injected");
        Emulator.PendingFailures.Should().Be(0);
    }
}
