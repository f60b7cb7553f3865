using Databrain.Client.Pipeline;
using Databrain.Client.Tests.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Databrain.Client.Tests.Resilience;

/// <summary>The rate limit's options: defaults, validation, the frozen copy, and configuration binding on the DI path.</summary>
public sealed class RateLimitOptionsTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public void Defaults_AreOff_WithASelfHostedServersLimit()
    {
        var options = new DatabrainClientOptions();

        options.RateLimit.Should().BeEquivalentTo(new { Enabled = false, PermitLimit = 500, Window = TimeSpan.FromMinutes(2) });
        DatabrainRateLimitOptions.DefaultPermitLimit.Should().Be(500);
        DatabrainRateLimitOptions.DefaultWindow.Should().Be(TimeSpan.FromMinutes(2));
        options.ToString().Should().Contain("RateLimit = { Enabled = False, PermitLimit = 500, Window = 00:02:00 }");
    }

    [Fact]
    public void Validate_NamesEveryRateLimitProblem()
    {
        var tooSmall = new DatabrainClientOptions { ServiceToken = "t" };
        tooSmall.RateLimit.PermitLimit = 0;
        tooSmall.RateLimit.Window = TimeSpan.FromMilliseconds(5);
        var tooLong = new DatabrainClientOptions { ServiceToken = "t" };
        tooLong.RateLimit.Window = TimeSpan.FromDays(2);
        var missing = new DatabrainClientOptions { ServiceToken = "t", RateLimit = null! };

        tooSmall.Validate().Should().Equal(
            "RateLimit.PermitLimit must be at least 1.",
            "RateLimit.Window must be between 10 milliseconds and one day.");
        tooLong.Validate().Should().Equal("RateLimit.Window must be between 10 milliseconds and one day.");
        missing.Validate().Should().Equal("RateLimit must be set.");
    }

    [Fact]
    public void TheClient_RefusesAnInvalidRateLimit_ListingEveryProblem()
    {
        var options = _api.Options(o => o.RateLimit = new DatabrainRateLimitOptions { Enabled = true, PermitLimit = -1, Window = TimeSpan.Zero });

        var exception = Record.Exception(() => new DatabrainClient(options));

        exception.Should().BeOfType<ArgumentException>().Which.Message
            .Should().Contain("RateLimit.PermitLimit must be at least 1.").And.Contain("RateLimit.Window must be between 10 milliseconds and one day.");
    }

    [Fact]
    public void TheClient_KeepsItsOwnCopy_OfTheRateLimit()
    {
        var options = _api.Options();
        var client = new DatabrainClient(options);

        options.RateLimit.Enabled = true;

        client.RateLimiter.Should().BeNull();
        new DatabrainClient(options).RateLimiter.Should().NotBeNull();
    }

    [Fact]
    public async Task RateLimitOptions_BindFromConfiguration_AndLimitTheOneDiClient()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 200, """{"data":[]}""");
        var clock = new DelayWatchingClock();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Databrain:BaseAddress"] = _api.BaseAddress.ToString(),
            ["Databrain:ServiceToken"] = ApiServer.Token,
            ["Databrain:RateLimit:Enabled"] = "true",
            ["Databrain:RateLimit:PermitLimit"] = "2",
            ["Databrain:RateLimit:Window"] = "00:00:30",
        }).Build();
        var services = new ServiceCollection();
        services.AddDatabrainClient(configuration.GetSection("Databrain"));
        services.AddSingleton<TimeProvider>(clock);
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<DatabrainClientOptions>>().Value;
        var client = provider.GetRequiredService<DatabrainClient>();
        await client.GetDatasourcePageAsync(1);
        await provider.GetRequiredService<DatabrainClient>().GetDatasourcePageAsync(1);
        var third = provider.GetRequiredService<DatabrainClient>().GetDatasourcePageAsync(1);

        options.RateLimit.Should().BeEquivalentTo(new { Enabled = true, PermitLimit = 2, Window = TimeSpan.FromSeconds(30) });
        client.RateLimiter!.Queued.Should().Be(1, "every resolution is the same client, with one set of permits");
        _api.Received.Should().HaveCount(2);
        clock.Advance(TimeSpan.FromSeconds(30) + RequestRateLimiter.TimerSlack);
        await third;
        _api.Received.Should().HaveCount(3);
    }

    [Fact]
    public void InvalidRateLimitOptions_FailStartUpValidation_NamingTheOption()
    {
        var exception = StartUpValidation.Run(new Dictionary<string, string?>
        {
            ["BaseAddress"] = _api.BaseAddress.ToString(),
            ["ServiceToken"] = ApiServer.Token,
            ["RateLimit:Enabled"] = "true",
            ["RateLimit:PermitLimit"] = "0",
            ["RateLimit:Window"] = "2.00:00:00",
        });

        exception.Should().BeOfType<OptionsValidationException>().Which.Failures.Should().Equal(
            "RateLimit.PermitLimit must be at least 1.",
            "RateLimit.Window must be between 10 milliseconds and one day.");
    }
}
