namespace Databrain.Client.Tests.Resilience;

/// <summary>What a retried attempt sends, through either transport, and how resilience is switched off.</summary>
public sealed class RetryTransportTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task ARetriedUpdate_SendsTheSameBodyEveryTime_WithAContentLength()
    {
        _api.GivenFailsTwiceThenSucceeds("PUT", ApiServer.DatasourcePath, """{"name":"production-postgres"}""", second: 429);

        await _api.CreateClient().UpdateDatasourceAsync(ApiServer.Postgres());

        var requests = _api.Received.ToList();
        requests.Should().HaveCount(3);
        requests.Select(r => r.Body).Distinct().Should().ContainSingle().Which.Should().Contain("\"password\":\"securepassword\"");
        requests.Should().OnlyContain(r => r.Headers.ContainsKey("Content-Length"));
    }

    [Fact]
    public async Task ARetriedAttempt_AsksTheTokenProviderAgain()
    {
        _api.GivenFailsTwiceThenSucceeds("POST", ApiServer.DatasourcePath, """{"name":"production-postgres"}""", second: 429);
        var calls = 0;
        var client = _api.CreateClient(o =>
        {
            o.ServiceToken = null;
            o.ServiceTokenProvider = _ => new ValueTask<string>($"rotated-{++calls}");
        });

        await client.CreateDatasourceAsync(ApiServer.Postgres());

        _api.Received.Select(r => r.Headers["Authorization"].Single())
            .Should().Equal("Bearer rotated-1", "Bearer rotated-2", "Bearer rotated-3");
    }

    [Fact]
    public async Task ThroughTheCallersHttpClient_RetriesFollowTheSameRules()
    {
        _api.GivenFailsTwiceThenSucceeds("GET", ApiServer.DatasourcePath, """{"data":[{"name":"a"}]}""");
        _api.Given("DELETE", ApiServer.DatasourcePath, 502, "");
        using var http = new HttpClient();
        var client = _api.CreateClient(transport: http);

        var page = await client.GetDatasourcePageAsync(1);
        var delete = await Record.ExceptionAsync(() => client.DeleteDatasourceAsync("production-postgres"));

        page.Items.Single().Name.Should().Be("a");
        delete.Should().BeOfType<DatabrainServerException>();
        _api.Received.Select(r => r.Method).Should().Equal("GET", "GET", "GET", "DELETE");
    }

    [Fact]
    public async Task ADelete_CarriesAnExplicitEmptyBody_SoTheTransportNeverResendsItByItself_AndAListDoesNot()
    {
        _api.Given("DELETE", ApiServer.DatasourcePath, 200, """{"id":"3f1c","message":"Datasource deleted successfully"}""");
        _api.Given("GET", ApiServer.DatasourcePath, 200, """{"data":[]}""");
        var client = _api.CreateClient();

        await client.DeleteDatasourceAsync("production-postgres");
        await client.GetDatasourcePageAsync(1);

        var delete = _api.Received.Single(r => r.Method == "DELETE");
        var list = _api.Received.Single(r => r.Method == "GET");
        delete.Headers["Content-Length"].Should().Equal("0");
        delete.Body.Should().BeNullOrEmpty();
        list.Headers.ContainsKey("Content-Length").Should().BeFalse();
    }

    [Fact]
    public async Task SwitchedOff_EachCallIsSentOnce_WithNoAttemptTimeout()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 503, "");
        _api.Given(
            new ApiStub("PUT", ApiServer.DatasourcePath),
            new ApiReply(200, """{"name":"production-postgres"}""") { Delay = TimeSpan.FromMilliseconds(400) });
        var client = _api.CreateClient(o =>
        {
            o.Resilience.Enabled = false;
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(50);
        });

        var list = await Record.ExceptionAsync(() => client.GetDatasourcePageAsync(1));
        var updated = await client.UpdateDatasourceAsync(ApiServer.Postgres());

        list.Should().BeOfType<DatabrainServerException>();
        updated.Name.Should().Be("production-postgres", "the attempt timeout is part of the switched-off pipeline");
        _api.Received.Should().HaveCount(2);
        _api.RetryDelays.Should().BeEmpty();
    }

    [Fact]
    public async Task NoRetries_EachCallIsSentOnce_ButTheAttemptTimeoutStillApplies()
    {
        _api.Given(new ApiStub("GET", ApiServer.DatasourcePath), new ApiReply(200, """{"data":[]}""") { Delay = TimeSpan.FromSeconds(1) });
        var client = _api.CreateClient(o =>
        {
            o.Resilience.Retry.MaxRetries = 0;
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        });

        var exception = await Record.ExceptionAsync(() => client.GetDatasourcePageAsync(1));

        exception.Should().BeOfType<DatabrainTimeoutException>().Which.Timeout.Should().Be(TimeSpan.FromMilliseconds(200));
        _api.Received.Should().HaveCount(1);
    }
}
