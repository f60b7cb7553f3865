using System.Net;
using System.Net.Http.Json;
using Databrain.Emulator.Tests.Infrastructure;

namespace Databrain.Emulator.Tests;

/// <summary>
/// Dropped connections: per operation, the next N or with a seeded probability, before or after the request is
/// processed. Requests go over raw sockets (one connection each), so a drop shows as zero bytes received and nothing
/// is resent behind the test's back.
/// </summary>
public sealed class ConnectionDropTests : EmulatorTestBase
{
    private static readonly DatasourceSample MySql = DatasourceSamples.Get("mysql");

    protected override DatabrainEmulatorOptions CreateOptions() => new() { AcceptAllConnections = true, RecordRequests = true };

    [Fact]
    public async Task CreateDroppedAfterProcessing_IsInTheStore_AndNoByteOfTheAnswerArrives()
    {
        Emulator.DropConnections(EmulatorOperation.Create, ConnectionDropTiming.AfterProcessing, FaultSchedule.Next(1));

        var answer = await RawHttp.CreateAsync(Emulator, MySql.Body("dropped"));

        answer.NothingArrived.Should().BeTrue("the answer was {0}", answer.Text);
        answer.StatusLine.Should().BeNull();
        Emulator.FindDatasource("dropped").Should().NotBeNull("the create was processed before the connection was dropped");
        Emulator.Datasources.Select(d => d.Name).Should().Equal("dropped");
        var logged = Emulator.Requests.Should().ContainSingle().Subject;
        logged.Operation.Should().Be(EmulatorOperation.Create);
        logged.DatasourceName.Should().Be("dropped");
        logged.Disposition.Should().Be(EmulatedRequestDisposition.DroppedAfterProcessing);
        logged.StatusCode.Should().Be(200, "the status the endpoint chose, withheld");
        logged.IsProcessed.Should().BeTrue();
    }

    [Fact]
    public async Task CreateDroppedAfterProcessing_ThroughHttpClient_FailsWithoutAResponse()
    {
        Emulator.DropConnections(EmulatorOperation.Create, ConnectionDropTiming.AfterProcessing, FaultSchedule.Next(1));
        using var client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = Emulator.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", Emulator.ServiceToken);

        var failure = await Record.ExceptionAsync(() => client.PostAsync(Api.DatasourcePath, JsonContent.Create(MySql.Body("via-client"))));

        // Kestrel resets the connection while the client waits for the status line: no response at all.
        failure.Should().BeOfType<HttpRequestException>().Which.InnerException.Should().BeOfType<IOException>()
            .Which.InnerException.Should().BeOfType<System.Net.Sockets.SocketException>()
            .Which.SocketErrorCode.Should().Be(System.Net.Sockets.SocketError.ConnectionReset);
        Emulator.FindDatasource("via-client").Should().NotBeNull();
        Emulator.Requests.Should().ContainSingle().Which.Disposition.Should().Be(EmulatedRequestDisposition.DroppedAfterProcessing);
    }

    [Fact]
    public async Task CreateDroppedBeforeProcessing_LeavesTheStoreUnchanged_AndNoByteArrives()
    {
        Emulator.DropConnections(EmulatorOperation.Create, ConnectionDropTiming.BeforeProcessing, FaultSchedule.Next(1));

        var answer = await RawHttp.CreateAsync(Emulator, MySql.Body("never"));

        answer.NothingArrived.Should().BeTrue("the answer was {0}", answer.Text);
        Emulator.Datasources.Should().BeEmpty();
        var logged = Emulator.Requests.Should().ContainSingle().Subject;
        logged.Disposition.Should().Be(EmulatedRequestDisposition.DroppedBeforeProcessing);
        logged.DatasourceName.Should().BeNull();
        logged.StatusCode.Should().Be(0);
        logged.IsProcessed.Should().BeFalse();
    }

    [Fact]
    public async Task DeleteDroppedAfterProcessing_HasDeleted()
    {
        (await RawHttp.CreateAsync(Emulator, MySql.Body("gone"))).Status.Should().Be(200);
        Emulator.DropConnections(EmulatorOperation.Delete, ConnectionDropTiming.AfterProcessing, FaultSchedule.Next(1));

        (await RawHttp.DeleteAsync(Emulator, "gone")).NothingArrived.Should().BeTrue();

        Emulator.Datasources.Should().BeEmpty();
        Emulator.Requests.Select(r => (r.Operation, r.DatasourceName, r.Disposition, r.StatusCode)).Should().Equal(
            (EmulatorOperation.Create, "gone", EmulatedRequestDisposition.Answered, 200),
            (EmulatorOperation.Delete, "gone", EmulatedRequestDisposition.DroppedAfterProcessing, 200));
    }

    [Fact]
    public async Task CountMode_DropsExactlyThatMany()
    {
        Emulator.DropConnections(EmulatorOperation.Create, ConnectionDropTiming.AfterProcessing, FaultSchedule.Next(2));

        var answers = new List<RawAnswer>();
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            answers.Add(await RawHttp.CreateAsync(Emulator, MySql.Body(name)));
        }

        answers.Select(a => a.Status).Should().Equal(0, 0, 200, 200);
        Emulator.Datasources.Select(d => d.Name).Should().Equal("a", "b", "c", "d");
        Emulator.Requests.Select(r => r.Disposition).Should().Equal(
            EmulatedRequestDisposition.DroppedAfterProcessing,
            EmulatedRequestDisposition.DroppedAfterProcessing,
            EmulatedRequestDisposition.Answered,
            EmulatedRequestDisposition.Answered);
    }

    [Fact]
    public async Task ProbabilityMode_WithASeed_DropsTheRequestsItsGeneratorPicks_TheSameEachTime()
    {
        const int Requests = 24;
        var expected = new bool[Requests];
        var generator = new Random(42);
        for (var i = 0; i < Requests; i++)
        {
            expected[i] = generator.NextDouble() < 0.5;
        }

        var firstRun = await DroppedListsAsync(Requests);
        Emulator.Reset();
        var secondRun = await DroppedListsAsync(Requests);

        firstRun.Should().Equal(expected);
        secondRun.Should().Equal(expected);
        expected.Should().Contain(true).And.Contain(false, "the seed picks some requests and spares others");
    }

    [Fact]
    public async Task ProbabilityOne_DropsEveryRequest_AndZeroDropsNone()
    {
        Emulator.DropConnections(EmulatorOperation.List, ConnectionDropTiming.BeforeProcessing, FaultSchedule.WithProbability(1, 7));
        for (var i = 0; i < 3; i++)
        {
            (await RawHttp.ListAsync(Emulator)).NothingArrived.Should().BeTrue();
        }

        Emulator.DropConnections(EmulatorOperation.List, ConnectionDropTiming.BeforeProcessing, FaultSchedule.WithProbability(0, 7));
        for (var i = 0; i < 3; i++)
        {
            (await RawHttp.ListAsync(Emulator)).Status.Should().Be(200);
        }
    }

    [Fact]
    public async Task Drops_ApplyOnlyToTheirOperation()
    {
        Emulator.DropConnections(EmulatorOperation.Sync, ConnectionDropTiming.AfterProcessing, FaultSchedule.Next(1));

        (await RawHttp.CreateAsync(Emulator, MySql.Body("scoped"))).Status.Should().Be(200);
        (await RawHttp.UpdateAsync(Emulator, MySql.Body("scoped"))).Status.Should().Be(200);
        (await RawHttp.ListAsync(Emulator)).Status.Should().Be(200);
        var id = Emulator.FindDatasource("scoped")!.Id;
        (await RawHttp.SyncAsync(Emulator, id)).NothingArrived.Should().BeTrue();
        (await RawHttp.SyncAsync(Emulator, id)).Status.Should().Be(200);
        (await RawHttp.DeleteAsync(Emulator, "scoped")).Status.Should().Be(200);

        Emulator.Requests.Select(r => (r.Operation, r.Disposition, r.DatasourceName)).Should().Equal(
            (EmulatorOperation.Create, EmulatedRequestDisposition.Answered, "scoped"),
            (EmulatorOperation.Update, EmulatedRequestDisposition.Answered, "scoped"),
            (EmulatorOperation.List, EmulatedRequestDisposition.Answered, (string?)null),
            (EmulatorOperation.Sync, EmulatedRequestDisposition.DroppedAfterProcessing, "scoped"),
            (EmulatorOperation.Sync, EmulatedRequestDisposition.Answered, "scoped"),
            (EmulatorOperation.Delete, EmulatedRequestDisposition.Answered, "scoped"));
        // The dropped sync was processed: both count.
        Emulator.Datasources.Should().BeEmpty();
    }

    [Fact]
    public async Task BeforeAndAfterDropsOfOneOperation_AreSeparateKnobs()
    {
        Emulator.DropConnections(EmulatorOperation.Create, ConnectionDropTiming.BeforeProcessing, FaultSchedule.Next(1));
        Emulator.DropConnections(EmulatorOperation.Create, ConnectionDropTiming.AfterProcessing, FaultSchedule.Next(1));

        (await RawHttp.CreateAsync(Emulator, MySql.Body("first"))).NothingArrived.Should().BeTrue();
        (await RawHttp.CreateAsync(Emulator, MySql.Body("second"))).NothingArrived.Should().BeTrue();
        (await RawHttp.CreateAsync(Emulator, MySql.Body("third"))).Status.Should().Be(200);

        Emulator.Datasources.Select(d => d.Name).Should().Equal("second", "third");
    }

    [Fact]
    public async Task ClearConnectionDrops_CancelsThem()
    {
        Emulator.DropConnections(EmulatorOperation.List, ConnectionDropTiming.AfterProcessing, FaultSchedule.Next(5));
        Emulator.ClearConnectionDrops();
        (await RawHttp.ListAsync(Emulator)).Status.Should().Be(200);
    }

    [Fact]
    public async Task Drops_CanBeSetAndClearedOverHttp()
    {
        (await Client.PutAsync("_emulator/drops/create", Api.Json("""{"timing":"AfterProcessing","count":1}""")))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Client.PutAsync("_emulator/drops/list", Api.Json("""{"timing":"beforeProcessing","probability":1,"seed":3}""")))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await RawHttp.CreateAsync(Emulator, MySql.Body("over-http"))).NothingArrived.Should().BeTrue();
        Emulator.FindDatasource("over-http").Should().NotBeNull();
        (await RawHttp.ListAsync(Emulator)).NothingArrived.Should().BeTrue();

        (await Client.DeleteAsync("_emulator/drops")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await RawHttp.ListAsync(Emulator)).Status.Should().Be(200);
        (await RawHttp.CreateAsync(Emulator, MySql.Body("after-clear"))).Status.Should().Be(200);
    }

    [Theory]
    [InlineData("create", """{"count":1}""", "timing")]
    [InlineData("create", """{"timing":"Sometimes","count":1}""", "timing")]
    [InlineData("create", """{"timing":"AfterProcessing"}""", "count")]
    [InlineData("create", """{"timing":"AfterProcessing","count":1,"probability":0.5,"seed":1}""", "count")]
    [InlineData("create", """{"timing":"AfterProcessing","count":0}""", "count")]
    [InlineData("create", """{"timing":"AfterProcessing","probability":1.5,"seed":1}""", "probability")]
    [InlineData("create", """{"timing":"AfterProcessing","probability":0.5}""", "seed")]
    [InlineData("purge", """{"timing":"AfterProcessing","count":1}""", "operation")]
    [InlineData("1", """{"timing":"AfterProcessing","count":1}""", "operation")]
    public async Task BadDropKnobsAreRefused(string operation, string json, string named)
    {
        var error = await (await Client.PutAsync("_emulator/drops/" + operation, Api.Json(json))).ShouldBeInvalidAsync();
        error.Message.Should().Contain(named);
        (await RawHttp.CreateAsync(Emulator, MySql.Body("still-answered"))).Status.Should().Be(200);
    }

    [Fact]
    public void DropConnectionsChecksItsArguments()
    {
        var act = () => Emulator.DropConnections((EmulatorOperation)9, ConnectionDropTiming.AfterProcessing, FaultSchedule.Next(1));
        act.Should().Throw<ArgumentOutOfRangeException>();
        act = () => Emulator.DropConnections(EmulatorOperation.Create, (ConnectionDropTiming)9, FaultSchedule.Next(1));
        act.Should().Throw<ArgumentOutOfRangeException>();
        act = () => Emulator.DropConnections(EmulatorOperation.Create, ConnectionDropTiming.AfterProcessing, null!);
        act.Should().Throw<ArgumentNullException>();
        var schedule = () => FaultSchedule.Next(0);
        schedule.Should().Throw<ArgumentOutOfRangeException>();
        schedule = () => FaultSchedule.WithProbability(1.01, 1);
        schedule.Should().Throw<ArgumentOutOfRangeException>();
        schedule = () => FaultSchedule.WithProbability(double.NaN, 1);
        schedule.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task Reset_ForgetsDropsAndTheRequestLog()
    {
        Emulator.DropConnections(EmulatorOperation.List, ConnectionDropTiming.AfterProcessing, FaultSchedule.Next(3));
        (await RawHttp.ListAsync(Emulator)).NothingArrived.Should().BeTrue();

        Emulator.Reset();

        Emulator.Requests.Should().BeEmpty();
        (await RawHttp.ListAsync(Emulator)).Status.Should().Be(200);
        Emulator.Requests.Should().ContainSingle().Which.Sequence.Should().Be(1);
    }

    private async Task<bool[]> DroppedListsAsync(int requests)
    {
        Emulator.DropConnections(EmulatorOperation.List, ConnectionDropTiming.AfterProcessing, FaultSchedule.WithProbability(0.5, 42));
        var dropped = new bool[requests];
        for (var i = 0; i < requests; i++)
        {
            var answer = await RawHttp.ListAsync(Emulator);
            answer.NothingArrived.Should().Be(answer.Status == 0);
            dropped[i] = answer.NothingArrived;
        }

        Emulator.Requests.Select(r => r.Disposition == EmulatedRequestDisposition.DroppedAfterProcessing).Should().Equal(dropped);
        return dropped;
    }
}
