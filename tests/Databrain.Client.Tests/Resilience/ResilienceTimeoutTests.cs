
namespace Databrain.Client.Tests.Resilience;

/// <summary>The total timeout and the caller's cancellation while the pipeline waits to retry (on a fake clock).</summary>
public sealed class ResilienceTimeoutTests : IDisposable
{
    private readonly ApiServer _api = new();
    private readonly DelayWatchingClock _clock = new();

    public ResilienceTimeoutTests() => _api.Given("GET", ApiServer.DatasourcePath, 503, "", ("Retry-After", "20"));

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task TheTotalTimeout_WhileWaitingToRetry_SurfacesAsDatabrainTimeout_WithTheTotalTimeout()
    {
        var call = Client().GetDatasourcePageAsync(1);
        await _clock.Started(TimeSpan.FromSeconds(10)); // Retry-After 20 s, cut to the 10 s left of the call
        _clock.Advance(TimeSpan.FromSeconds(10));
        var exception = await Record.ExceptionAsync(() => call);

        exception.Should().BeOfType<DatabrainTimeoutException>().Which.Timeout.Should().Be(TimeSpan.FromSeconds(10));
        exception!.InnerException.Should().BeNull();
        _api.Received.Should().HaveCount(1);
    }

    [Fact]
    public async Task TheCallersCancellation_WhileWaitingToRetry_SurfacesAsOperationCanceled_WithTheCallersToken()
    {
        using var cts = new CancellationTokenSource();

        var call = Client().GetDatasourcePageAsync(1, cts.Token);
        await _clock.Started(TimeSpan.FromSeconds(10)); // Retry-After 20 s, cut to the 10 s left of the call
        await cts.CancelAsync();
        var exception = await Record.ExceptionAsync(() => call);

        exception.Should().BeAssignableTo<OperationCanceledException>().Which.CancellationToken.Should().Be(cts.Token);
        exception.Should().NotBeAssignableTo<DatabrainException>();
        _api.Received.Should().HaveCount(1);
    }

    [Fact]
    public async Task TheWaitBetweenAttempts_IsTheServersRetryAfter_OnTheClientsClock()
    {
        var call = Client(TimeSpan.FromMinutes(1)).GetDatasourcePageAsync(1);
        await _clock.Started(TimeSpan.FromSeconds(20));
        _clock.Advance(TimeSpan.FromSeconds(19));
        _api.Received.Should().HaveCount(1, "19 of the 20 seconds have passed");

        _api.ResetStubs();
        _api.Given("GET", ApiServer.DatasourcePath, 200, """{"data":[{"name":"a"}]}""");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var page = await call;

        page.Items.Single().Name.Should().Be("a");
        _api.Received.Should().HaveCount(2);
    }

    private DatabrainClient Client(TimeSpan? timeout = null) => new(
        _api.Options(o => o.Timeout = timeout ?? TimeSpan.FromSeconds(10)),
        transport: null,
        _clock);
}
