using Databrain.Client.Tests.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Databrain.Client.Tests.Resilience;

/// <summary>The DI path gets the same pipeline, run by the client around every attempt, and can bind, disable or replace it.</summary>
public sealed class ResilienceDependencyInjectionTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task TheDiClient_RetriesByTheSameRules_AsTheClientBuiltFromOptions()
    {
        _api.GivenFailsTwiceThenSucceeds("GET", ApiServer.DatasourcePath, """{"data":[{"name":"a"}]}""");
        _api.Given("POST", ApiServer.DatasourcePath, 500, "");
        using var provider = Provider();
        var client = provider.GetRequiredService<DatabrainClient>();

        var page = await client.GetDatasourcePageAsync(1);
        var create = await Record.ExceptionAsync(() => client.CreateDatasourceAsync(ApiServer.Postgres()));

        page.Items.Single().Name.Should().Be("a");
        create.Should().BeOfType<DatabrainServerException>();
        _api.Received.Select(r => r.Method).Should().Equal("GET", "GET", "GET", "POST");
        _api.RetryDelays.Should().HaveCount(2);
    }

    [Fact]
    public async Task TheDiClient_AsksTheTokenProviderAgainForEveryAttempt()
    {
        _api.GivenFailsTwiceThenSucceeds("GET", ApiServer.DatasourcePath, """{"data":[]}""");
        var calls = 0;
        using var provider = Provider(o =>
        {
            o.ServiceToken = null;
            o.ServiceTokenProvider = _ => new ValueTask<string>($"rotated-{++calls}");
        });

        await provider.GetRequiredService<DatabrainClient>().GetDatasourcePageAsync(1);

        _api.Received.Select(r => r.Headers["Authorization"].Single())
            .Should().Equal("Bearer rotated-1", "Bearer rotated-2", "Bearer rotated-3");
    }

    [Fact]
    public async Task TheDiClient_LogsRetriesThroughTheContainersLoggerFactory_WithoutSecrets()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 503, "");
        using var provider = Provider(services: s => s.AddFakeLogging());

        await Record.ExceptionAsync(() => provider.GetRequiredService<DatabrainClient>().GetDatasourcePageAsync(1));

        var logs = provider.GetFakeLogCollector().GetSnapshot();
        logs.Where(r => r.Category == "Databrain.Client" && r.Id.Name == "DatabrainRetry").Should().HaveCount(3)
            .And.OnlyContain(r => r.Level == LogLevel.Warning);
        logs.Should().NotContain(r => (r.Message + r.Exception).Contains(ApiServer.Token));
    }

    [Fact]
    public async Task ResilienceOptions_BindFromConfiguration_AndApplyOnTheDiPath()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 503, "");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Databrain:BaseAddress"] = _api.BaseAddress.ToString(),
            ["Databrain:ServiceToken"] = ApiServer.Token,
            ["Databrain:VerifyUnknownOutcome"] = "false",
            ["Databrain:Resilience:AttemptTimeout"] = "00:00:20",
            ["Databrain:Resilience:Retry:MaxRetries"] = "1",
            ["Databrain:Resilience:Retry:BaseDelay"] = "00:00:00.250",
            ["Databrain:Resilience:Retry:MaxDelay"] = "00:00:05",
            ["Databrain:Resilience:Retry:MaxRetryAfter"] = "00:00:10",
            ["Databrain:Resilience:CircuitBreaker:Enabled"] = "true",
            ["Databrain:Resilience:CircuitBreaker:FailureRatio"] = "0.8",
            ["Databrain:Resilience:CircuitBreaker:MinimumThroughput"] = "20",
            ["Databrain:Resilience:CircuitBreaker:SamplingDuration"] = "00:01:00",
            ["Databrain:Resilience:CircuitBreaker:BreakDuration"] = "00:00:15",
        }).Build();
        var services = new ServiceCollection();
        services.AddDatabrainClient(configuration.GetSection("Databrain"));
        services.AddSingleton<TimeProvider>(_api.Clock);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<DatabrainClientOptions>>().Value;
        await Record.ExceptionAsync(() => provider.GetRequiredService<DatabrainClient>().GetDatasourcePageAsync(1));

        options.VerifyUnknownOutcome.Should().BeFalse();
        options.Resilience.AttemptTimeout.Should().Be(TimeSpan.FromSeconds(20));
        options.Resilience.Retry.Should().BeEquivalentTo(new
        {
            MaxRetries = 1,
            BaseDelay = TimeSpan.FromMilliseconds(250),
            MaxDelay = TimeSpan.FromSeconds(5),
            MaxRetryAfter = TimeSpan.FromSeconds(10),
        });
        options.Resilience.CircuitBreaker.Should().BeEquivalentTo(new DatabrainCircuitBreakerOptions
        {
            Enabled = true,
            FailureRatio = 0.8,
            MinimumThroughput = 20,
            SamplingDuration = TimeSpan.FromMinutes(1),
            BreakDuration = TimeSpan.FromSeconds(15),
        });
        _api.Received.Should().HaveCount(2, "MaxRetries = 1 came from configuration");
    }

    [Fact]
    public void InvalidResilienceOptions_FailStartUpValidation_NamingTheOption()
    {
        var exception = StartUpValidation.Run(new Dictionary<string, string?>
        {
            ["BaseAddress"] = _api.BaseAddress.ToString(),
            ["ServiceToken"] = ApiServer.Token,
            ["Resilience:Retry:MaxRetries"] = "-1",
            ["Resilience:AttemptTimeout"] = "00:00:00.001",
        });

        exception.Should().BeOfType<OptionsValidationException>().Which.Failures.Should().Equal(
            "Resilience.AttemptTimeout must be between 10 milliseconds and one day, or infinite.",
            "Resilience.Retry.MaxRetries must be between 0 and 10.");
    }

    [Fact]
    public async Task SwitchedOff_TheDiClientSendsEachCallOnce()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 503, "");
        using var provider = Provider(o => o.Resilience.Enabled = false);

        var exception = await Record.ExceptionAsync(() => provider.GetRequiredService<DatabrainClient>().GetDatasourcePageAsync(1));

        exception.Should().BeOfType<DatabrainServerException>();
        _api.Received.Should().HaveCount(1);
        _api.RetryDelays.Should().BeEmpty();
    }

    [Fact]
    public async Task SwitchingTheSdkResilienceOff_ThenAddingYourOwnHandler_ReplacesTheSdkPipeline()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 503, "");
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_api.Clock);
        services.AddDatabrainClient(o =>
            {
                Configure(o);
                o.Resilience.Enabled = false;
            })
            .AddResilienceHandler("mine", b => b.AddRetry(new Polly.Retry.RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 1,
                Delay = TimeSpan.Zero,
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Result?.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable),
            }));
        using var provider = services.BuildServiceProvider();

        var exception = await Record.ExceptionAsync(() => provider.GetRequiredService<DatabrainClient>().GetDatasourcePageAsync(1));

        exception.Should().BeOfType<DatabrainServerException>();
        _api.Received.Should().HaveCount(2, "only the caller's pipeline (one retry) ran");
        _api.RetryDelays.Should().BeEmpty("the SDK's retry strategy is off");
    }

    [Fact]
    public async Task TheDocumentedReplacement_WithTheStandardHandler_StillNeverResendsACreate()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 503, "");
        _api.Given("POST", ApiServer.DatasourcePath, 503, "");
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_api.Clock);
        services.AddDatabrainClient(o => Configure(o))
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.DisableForUnsafeHttpMethods();
                o.Retry.Delay = TimeSpan.Zero;
            });
        services.PostConfigure<DatabrainClientOptions>(o => o.Resilience.Enabled = false);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<DatabrainClient>();

        var list = await Record.ExceptionAsync(() => client.GetDatasourcePageAsync(1));
        var create = await Record.ExceptionAsync(() => client.CreateDatasourceAsync(ApiServer.Postgres()));

        list.Should().BeOfType<DatabrainServerException>();
        create.Should().BeOfType<DatabrainServerException>();
        _api.Received.Select(r => r.Method).Should().Equal("GET", "GET", "GET", "GET", "POST");
    }

    private ServiceProvider Provider(Action<DatabrainClientOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(_api.Clock);
        services?.Invoke(collection);
        collection.AddDatabrainClient(o =>
        {
            Configure(o);
            configure?.Invoke(o);
        });
        return collection.BuildServiceProvider();
    }

    private void Configure(DatabrainClientOptions options)
    {
        options.BaseAddress = _api.BaseAddress;
        options.ServiceToken = ApiServer.Token;
    }
}
