using Microsoft.Extensions.Time.Testing;

namespace Databrain.Client.Tests.Client;

public sealed class CancellationAndTimeoutTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task CancelledBeforeTheCall_ThrowsOperationCanceled_AndSendsNothing()
    {
        _api.Given("POST", ApiServer.DatasourcePath, 200, """{"name":"x"}""");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var exception = await Record.ExceptionAsync(() => _api.CreateClient().CreateDatasourceAsync(ApiServer.Postgres(), cancellationToken: cts.Token));

        exception.Should().BeAssignableTo<OperationCanceledException>().Which.CancellationToken.Should().Be(cts.Token);
        _api.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task CancelledDuringTheRequest_ThrowsOperationCanceled_NotADatabrainException()
    {
        var handler = new BlockingHandler();
        using var http = new HttpClient(handler);
        var client = _api.CreateClient(transport: http);
        using var cts = new CancellationTokenSource();

        var call = client.CreateDatasourceAsync(ApiServer.Postgres(), cancellationToken: cts.Token);
        await handler.Entered;
        await cts.CancelAsync();
        var exception = await Record.ExceptionAsync(() => call);

        exception.Should().BeAssignableTo<OperationCanceledException>();
        exception.Should().NotBeAssignableTo<DatabrainException>();
        handler.Calls.Should().Be(1);
    }

    [Fact]
    public async Task TheSdkTimeoutElapsing_ThrowsDatabrainTimeout_NotOperationCanceled()
    {
        var clock = new FakeTimeProvider();
        var handler = new BlockingHandler();
        using var http = new HttpClient(handler);
        var client = new DatabrainClient(_api.Options(o => o.Timeout = TimeSpan.FromSeconds(30)), http, clock);

        var call = client.GetDatasourcePageAsync(1);
        await handler.Entered;
        clock.Advance(TimeSpan.FromSeconds(30));
        var exception = await Record.ExceptionAsync(() => call);

        var timeout = exception.Should().BeOfType<DatabrainTimeoutException>().Subject;
        timeout.Timeout.Should().Be(TimeSpan.FromSeconds(30));
        timeout.Operation.Should().Be(DatabrainOperation.List);
    }

    [Fact]
    public async Task TheTimeout_BoundsTheWholeCreate_TheOutcomeCheckIncluded()
    {
        // Reported: Timeout = 1 s and no answer in time made a create fail after 2 s, the lookup having got a
        // fresh Timeout of its own. The lookup now gets what is left of the call: here, nothing.
        var clock = new FakeTimeProvider();
        var handler = new BlockingHandler();
        using var http = new HttpClient(handler);
        var client = new DatabrainClient(_api.Options(o => o.Timeout = TimeSpan.FromSeconds(1)), http, clock);

        var call = client.CreateDatasourceAsync(ApiServer.Postgres());
        await handler.Entered;
        clock.Advance(TimeSpan.FromSeconds(1));
        var exception = await Record.ExceptionAsync(() => call);

        var unknown = exception.Should().BeOfType<DatabrainOutcomeUnknownException>().Subject;
        unknown.InnerException.Should().BeOfType<DatabrainTimeoutException>().Which.Timeout.Should().Be(TimeSpan.FromSeconds(1));
        unknown.DatasourceExists.Should().BeNull();
        unknown.Message.Should().EndWith("(no time was left to look it up).");
        handler.Calls.Should().Be(1, "no list request was started after the call's time ran out");
    }

    [Fact]
    public async Task APerCallTimeout_ReplacesTheClientsForThatCallOnly_AndKeepsTheSdksTimeoutException()
    {
        var clock = new FakeTimeProvider();
        var handler = new BlockingHandler();
        using var http = new HttpClient(handler);
        var client = new DatabrainClient(_api.Options(o => o.Timeout = TimeSpan.FromMinutes(5)), http, clock);

        var call = client.GetDatasourcePageAsync(1, new DatabrainRequestOptions { Timeout = TimeSpan.FromSeconds(3) });
        await handler.Entered;
        clock.Advance(TimeSpan.FromSeconds(3));
        var exception = await Record.ExceptionAsync(() => call);

        exception.Should().BeOfType<DatabrainTimeoutException>().Which.Timeout.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task APerCallTimeout_OnACreate_StillReportsTheOutcomeAsUnknown_UnlikeACallersCancelAfter()
    {
        var clock = new FakeTimeProvider();
        var handler = new BlockingHandler();
        using var http = new HttpClient(handler);
        var client = new DatabrainClient(_api.Options(), http, clock);

        var call = client.CreateDatasourceAsync(ApiServer.Postgres(), null, new DatabrainRequestOptions { Timeout = TimeSpan.FromSeconds(2) });
        await handler.Entered;
        clock.Advance(TimeSpan.FromSeconds(2));
        var exception = await Record.ExceptionAsync(() => call);

        exception.Should().BeOfType<DatabrainOutcomeUnknownException>()
            .Which.InnerException.Should().BeOfType<DatabrainTimeoutException>().Which.Timeout.Should().Be(TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task AnInvalidPerCallTimeout_IsRefusedBeforeAnythingIsSent(int seconds)
    {
        var exception = await Record.ExceptionAsync(() =>
            _api.CreateClient().GetDatasourcePageAsync(1, new DatabrainRequestOptions { Timeout = TimeSpan.FromSeconds(seconds) }));

        exception.Should().BeOfType<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("requestOptions");
        _api.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task TokenProvider_IsCalledForEveryRequest_SoARotatedTokenIsUsed()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 200, """{"data":[]}""");
        var calls = 0;
        var client = _api.CreateClient(o =>
        {
            o.ServiceToken = null;
            o.ServiceTokenProvider = _ => new ValueTask<string>($"rotated-{++calls}");
        });

        await client.GetDatasourcePageAsync(1);
        await client.GetDatasourcePageAsync(1);

        calls.Should().Be(2);
        _api.Received.Select(r => r.Headers["Authorization"].Single())
            .Should().Equal("Bearer rotated-1", "Bearer rotated-2");
    }
}
