using Databrain.Client.Models;
using Databrain.Emulator;
using static Databrain.Emulator.EmulatorOperation;

namespace Databrain.Client.Tests.DesiredState;

/// <summary>
/// Every path of an upsert against the emulator, with the exact requests each one sends: create; conflict then
/// update; no answer then update or create by what the lookup found; a datasource deleted between the conflict and
/// the update; and the places where it stops instead of looping.
/// </summary>
public sealed class UpsertTests : DesiredStateFixture
{
    [Fact]
    public async Task ANewName_IsCreated_WithOneRequest()
    {
        var result = await Client.UpsertDatasourceAsync(ApiServer.Postgres("orders"));

        result.Action.Should().Be(UpsertAction.Created);
        result.Name.Should().Be("orders");
        result.Status.Should().Be(200);
        var create = Emulator.Requests.Should().ContainSingle().Subject;
        create.Operation.Should().Be(Create);
        result.RequestId.Should().Be(create.RequestId);
        Emulator.FindDatasource("orders").Should().NotBeNull();
    }

    [Fact]
    public async Task AnExistingName_ConflictsOnCreate_ThenIsUpdated_WithExactlyTwoRequests()
    {
        await SeedAsync("orders");
        var mark = Mark();

        var result = await Client.UpsertDatasourceAsync(ApiServer.Postgres("orders") with { Schema = "reporting" });

        result.Action.Should().Be(UpsertAction.Updated);
        var sent = Since(mark);
        sent.Select(r => (r.Operation, r.StatusCode)).Should().Equal((Create, 400), (Update, 200));
        result.RequestId.Should().Be(sent[1].RequestId, "the result carries the request id of the call that did it");
        Emulator.FindDatasource("orders")!.Credentials.GetProperty("schema").GetString().Should().Be("reporting");
    }

    [Fact]
    public async Task ACreateWithoutAnAnswer_WhenTheLookupFindsTheName_IsUpdated()
    {
        Emulator.DropConnections(Create, ConnectionDropTiming.AfterProcessing, FaultSchedule.Next(1));

        var result = await Client.UpsertDatasourceAsync(ApiServer.Postgres("orders"));

        result.Action.Should().Be(UpsertAction.Updated, "the lost create happened; updating it with the same credentials is harmless");
        Emulator.Requests.Select(r => (r.Operation, r.Disposition)).Should().Equal(
            (Create, EmulatedRequestDisposition.DroppedAfterProcessing), (List, EmulatedRequestDisposition.Answered),
            (Update, EmulatedRequestDisposition.Answered));
        Emulator.Datasources.Select(d => d.Name).Should().Equal("orders");
    }

    [Fact]
    public async Task ACreateWithoutAnAnswer_WhenTheLookupProvesTheNameAbsent_IsCreatedAgain()
    {
        Emulator.DropConnections(Create, ConnectionDropTiming.BeforeProcessing, FaultSchedule.Next(1));

        var result = await Client.UpsertDatasourceAsync(ApiServer.Postgres("orders"));

        result.Action.Should().Be(UpsertAction.Created);
        var sent = Emulator.Requests;
        sent.Select(r => (r.Operation, r.Disposition)).Should().Equal(
            (Create, EmulatedRequestDisposition.DroppedBeforeProcessing), (List, EmulatedRequestDisposition.Answered),
            (Create, EmulatedRequestDisposition.Answered));
        result.RequestId.Should().Be(sent[2].RequestId);
        Emulator.Datasources.Select(d => d.Name).Should().Equal("orders");
    }

    [Fact]
    public async Task ACreateWithoutAnAnswer_WhenTheLookupCannotTell_IsUpdated()
    {
        Emulator.DropConnections(Create, ConnectionDropTiming.AfterProcessing, FaultSchedule.Next(1));
        var client = NoLookupClient();

        var result = await client.UpsertDatasourceAsync(ApiServer.Postgres("orders"));

        result.Action.Should().Be(UpsertAction.Updated);
        OperationsSince(0).Should().Equal(Create, Update);
    }

    [Fact]
    public async Task ACreateWithoutAnAnswer_WhenTheLookupCannotTell_AndTheCreateNeverHappened_IsCreatedAfterTheUpdateFindsNothing()
    {
        Emulator.DropConnections(Create, ConnectionDropTiming.BeforeProcessing, FaultSchedule.Next(1));
        var client = NoLookupClient();

        var result = await client.UpsertDatasourceAsync(ApiServer.Postgres("orders"));

        result.Action.Should().Be(UpsertAction.Created);
        Emulator.Requests.Select(r => (r.Operation, r.StatusCode)).Should().Equal((Create, 0), (Update, 400), (Create, 200));
    }

    [Fact]
    public async Task ANameDeletedBetweenTheConflictAndTheUpdate_IsCreatedOnceMore()
    {
        // The conflict is injected: by the time the update arrives, no datasource has the name.
        Emulator.FailRequests(Create, FaultSchedule.Next(1), 400, "DATASOURCE_NAME_ERROR");

        var result = await Client.UpsertDatasourceAsync(ApiServer.Postgres("orders"));

        result.Action.Should().Be(UpsertAction.Created);
        var sent = Emulator.Requests;
        sent.Select(r => (r.Operation, r.StatusCode)).Should().Equal((Create, 400), (Update, 400), (Create, 200));
        result.RequestId.Should().Be(sent[2].RequestId);
    }

    [Fact]
    public async Task WhenTheCreateSentOnceMoreConflictsToo_TheConflictSurfaces_WithoutALoop()
    {
        await SeedAsync("orders");
        Emulator.FailRequests(Update, FaultSchedule.Next(1), 400, "DATASOURCE_NAME_ERROR");
        var mark = Mark();

        var exception = await Record.ExceptionAsync(() => Client.UpsertDatasourceAsync(ApiServer.Postgres("orders")));

        exception.Should().BeOfType<DatasourceNameConflictException>();
        OperationsSince(mark).Should().Equal(Create, Update, Create);
    }

    [Fact]
    public async Task WhenTheCreateSentOnceMoreGetsNoAnswerToo_TheOutcomeUnknownSurfaces_WithoutALoop()
    {
        Emulator.DropConnections(Create, ConnectionDropTiming.BeforeProcessing, FaultSchedule.Next(2));

        var exception = await Record.ExceptionAsync(() => Client.UpsertDatasourceAsync(ApiServer.Postgres("orders")));

        exception.Should().BeOfType<DatabrainOutcomeUnknownException>().Which.DatasourceExists.Should().BeFalse();
        OperationsSince(0).Should().Equal(Create, List, Create, List);
    }

    [Fact]
    public async Task AFailedCredentialTest_SurfacesFromTheCreate_WithOneRequest()
    {
        Emulator.SetConnectionProbe("postgres", ConnectionProbeMode.Reject);

        var exception = await Record.ExceptionAsync(() => Client.UpsertDatasourceAsync(ApiServer.Postgres("orders")));

        exception.Should().BeOfType<CredentialTestFailedException>().Which.Operation.Should().Be(DatabrainOperation.Create);
        OperationsSince(0).Should().Equal(Create);
    }

    [Fact]
    public async Task AFailedCredentialTest_OnTheUpdate_Surfaces()
    {
        await SeedAsync("orders");
        Emulator.SetConnectionProbe("postgres", ConnectionProbeMode.Reject);
        var mark = Mark();

        var exception = await Record.ExceptionAsync(() => Client.UpsertDatasourceAsync(ApiServer.Postgres("orders")));

        exception.Should().BeOfType<CredentialTestFailedException>().Which.Operation.Should().Be(DatabrainOperation.Update);
        OperationsSince(mark).Should().Equal(Create, Update);
    }

    [Fact]
    public async Task InvalidCredentials_SendNothing()
    {
        var exception = await Record.ExceptionAsync(() => Client.UpsertDatasourceAsync(ApiServer.Postgres("orders") with { Port = 0 }));

        exception.Should().BeOfType<DatabrainValidationException>().Which.Problems.Select(p => p.Field).Should().Equal("credentials.port");
        Emulator.Requests.Should().BeEmpty();
    }

    private DatabrainClient NoLookupClient() => new(new DatabrainClientOptions
    {
        BaseAddress = Emulator.BaseAddress,
        ServiceToken = Emulator.ServiceToken,
        VerifyUnknownOutcome = false,
    });
}
