using System.Diagnostics;
using Databrain.Client.Tests.Observability;
using Databrain.Samples.Snippets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace Databrain.Client.Tests.Contract;

/// <summary>docs/observability.md shows OpenTelemetry wiring that compiles (samples/Databrain.Samples.Snippets) and works.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class ObservabilitySnippetTests : EmulatorFixture
{
    public static TheoryData<string> Regions => [.. SnippetRegions.Read("ObservabilitySnippets.cs").Keys];

    [Theory]
    [MemberData(nameof(Regions))]
    public void EveryRegion_AppearsVerbatimInTheObservabilityDoc(string region)
    {
        var doc = RepositoryFiles.Read("docs", "observability.md");

        doc.Should().Contain(SnippetRegions.Read("ObservabilitySnippets.cs")[region],
            $"docs/observability.md must show region '{region}' of ObservabilitySnippets.cs as it compiles");
    }

    [Fact]
    public async Task TheOpenTelemetryWiring_ExportsTheSdksSpansAndMetrics()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Databrain:BaseAddress"] = Emulator.BaseAddress.ToString(),
            ["Databrain:ServiceToken"] = Emulator.ServiceToken,
        }).Build();
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var provider = (ServiceProvider)ObservabilitySnippets.Register(configuration, spans, metrics);
        await using (provider)
        {
            foreach (var hosted in provider.GetServices<IHostedService>())
            {
                await hosted.StartAsync(CancellationToken.None);
            }

            await provider.GetRequiredService<DatabrainClient>().GetDatasourcePageAsync(1);
            provider.GetRequiredService<MeterProvider>().ForceFlush().Should().BeTrue();
        }

        spans.Select(s => s.OperationName).Should().Contain(["databrain.datasource.list", "databrain.http.attempt"]);
        metrics.Select(m => m.Name).Should().Contain("databrain.client.operation.duration");
    }
}
