using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Databrain.Client.Tests.Client;

public sealed class DependencyInjectionTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task AddDatabrainClient_BindsOptionsFromConfiguration()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 200, """{"data":[{"name":"a"}]}""");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Databrain:BaseAddress"] = _api.BaseAddress.ToString(),
            ["Databrain:ServiceToken"] = ApiServer.Token,
            ["Databrain:Timeout"] = "00:00:45",
            ["Databrain:UserAgent"] = "ConfiguredApp/3.0",
        }).Build();
        var services = new ServiceCollection();
        services.AddDatabrainClient(configuration.GetSection("Databrain"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<DatabrainClientOptions>>().Value;
        var page = await provider.GetRequiredService<DatabrainClient>().GetDatasourcePageAsync(1);

        options.Timeout.Should().Be(TimeSpan.FromSeconds(45));
        page.Items.Select(i => i.Name).Should().Equal("a");
        var request = _api.Received.Single();
        request.Headers["Authorization"].Should().Equal("Bearer " + ApiServer.Token);
        request.Headers["User-Agent"].Single().Should().StartWith("ConfiguredApp/3.0 Databrain.Client/");
    }

    [Fact]
    public void TheClientIsASingleton()
    {
        var services = new ServiceCollection();
        services.AddDatabrainClient(o => { o.BaseAddress = _api.BaseAddress; o.ServiceToken = ApiServer.Token; });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<DatabrainClient>().Should().BeSameAs(provider.GetRequiredService<DatabrainClient>());
    }

    [Theory]
    [InlineData("not a url", "t", "BaseAddress")]
    [InlineData("http://databrain.example.com", "t", "https")]
    [InlineData("https://databrain.example.com", " ", "ServiceToken")]
    public void StartUpValidation_FailsOnBadOptions(string address, string token, string expected)
    {
        var exception = StartUpValidation.Run(new Dictionary<string, string?> { ["BaseAddress"] = address, ["ServiceToken"] = token });

        exception.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public async Task TwoNamedClients_EachReachTheirOwnServerWithTheirOwnToken()
    {
        using var other = new ApiServer();
        _api.Given("GET", ApiServer.DatasourcePath, 200, """{"data":[{"name":"from-a"}]}""");
        other.Given("GET", ApiServer.DatasourcePath, 200, """{"data":[{"name":"from-b"}]}""");
        var services = new ServiceCollection();
        services.AddDatabrainClient("org-a", o => { o.BaseAddress = _api.BaseAddress; o.ServiceToken = "token-a"; });
        services.AddDatabrainClient("org-b", o => { o.BaseAddress = other.BaseAddress; o.ServiceToken = "token-b"; });
        using var provider = services.BuildServiceProvider();

        var a = await provider.GetRequiredKeyedService<DatabrainClient>("org-a").GetDatasourcePageAsync(1);
        var b = await provider.GetRequiredKeyedService<DatabrainClient>("org-b").GetDatasourcePageAsync(1);

        a.Items.Single().Name.Should().Be("from-a");
        b.Items.Single().Name.Should().Be("from-b");
        _api.Received.Single().Headers["Authorization"].Should().Equal("Bearer token-a");
        other.Received.Single().Headers["Authorization"].Should().Equal("Bearer token-b");
    }

    [Fact]
    public async Task TheReturnedBuilder_LetsCallersAddTheirOwnHandlers()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 200, """{"data":[]}""");
        var services = new ServiceCollection();
        services.AddDatabrainClient(o => { o.BaseAddress = _api.BaseAddress; o.ServiceToken = ApiServer.Token; })
            .AddHttpMessageHandler(() => new HeaderHandler("X-Tenant", "acme"));
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<DatabrainClient>().GetDatasourcePageAsync(1);

        _api.Received.Single().Headers["X-Tenant"].Should().Equal("acme");
    }

    private sealed class HeaderHandler(string name, string value) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add(name, value);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
