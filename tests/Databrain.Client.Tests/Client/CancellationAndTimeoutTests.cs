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
        _api.Requests.Should().BeEmpty();
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
    public async Task TokenProvider_IsCalledForEveryRequest_SoARotatedTokenIsUsed()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 200, """{"data":[]}""");
        var calls = 0;
        var client = _api.CreateClient(o =>
        {
            o.ServiceToken = null;
            o.ServiceTokenProvider = _ => ValueTask.FromResult($"rotated-{++calls}");
        });

        await client.GetDatasourcePageAsync(1);
        await client.GetDatasourcePageAsync(1);

        calls.Should().Be(2);
        _api.Requests.Select(r => r.RequestMessage!.Headers!["Authorization"].Single())
            .Should().Equal("Bearer rotated-1", "Bearer rotated-2");
    }
}
