namespace Databrain.Client.Tests.Client;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_PointAtTheCloud()
    {
        var options = new DatabrainClientOptions();

        options.BaseAddress.Should().Be(new Uri("https://api.usedatabrain.com"));
        options.Timeout.Should().Be(TimeSpan.FromMinutes(2));
        options.AllowInsecureHttp.Should().BeFalse();
    }

    [Theory]
    [InlineData("https://databrain.example.com", false)]
    [InlineData("http://127.0.0.1:5080", false)]
    [InlineData("http://localhost:5080", false)]
    [InlineData("http://[::1]:5080", false)]
    [InlineData("http://databrain.internal", true)]
    [InlineData("ftp://databrain.example.com", true)]
    public void Validate_RequiresHttpsUnlessLoopback(string address, bool invalid)
    {
        var options = new DatabrainClientOptions { BaseAddress = new Uri(address), ServiceToken = "t" };

        options.Validate().Should().HaveCount(invalid ? 1 : 0);
    }

    [Fact]
    public void Validate_AllowsPlainHttpWhenTheCallerSaysSo()
    {
        var options = new DatabrainClientOptions { BaseAddress = new Uri("http://databrain.internal"), ServiceToken = "t", AllowInsecureHttp = true };

        options.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Validate_ReportsEveryProblemAtOnce()
    {
        var options = new DatabrainClientOptions { BaseAddress = new Uri("/relative", UriKind.Relative), ServiceToken = "  ", Timeout = TimeSpan.Zero };

        options.Validate().Should().SatisfyRespectively(
            p => p.Should().Contain("BaseAddress").And.Contain("absolute"),
            p => p.Should().Contain("ServiceToken"),
            p => p.Should().Contain("Timeout"));
    }

    [Fact]
    public void Constructor_WithInvalidOptions_ThrowsNamingEveryProblem()
    {
        var exception = Record.Exception(() => new DatabrainClient(new DatabrainClientOptions { BaseAddress = new Uri("http://example.com") }));

        exception.Should().BeOfType<ArgumentException>().Which.Message.Should().Contain("https").And.Contain("ServiceToken");
    }

    [Fact]
    public void ToString_MasksTheToken()
    {
        var options = new DatabrainClientOptions { ServiceToken = "sk-live-very-secret" };

        options.ToString().Should().NotContain("sk-live-very-secret").And.Contain("ServiceToken = ***");
    }

    [Fact]
    public async Task TheClientCopiesItsOptions_SoLaterChangesHaveNoEffect()
    {
        using var api = new ApiServer();
        api.Given("GET", ApiServer.DatasourcePath, 200, """{"data":[]}""");
        var options = api.Options();
        var client = new DatabrainClient(options);

        options.ServiceToken = "changed";
        options.BaseAddress = new Uri("https://elsewhere.example.com");
        await client.GetDatasourcePageAsync(1);

        client.BaseAddress.Should().Be(api.BaseAddress);
        api.Received.Single().Headers["Authorization"].Should().Equal("Bearer " + ApiServer.Token);
    }
}
