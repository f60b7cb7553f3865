using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Databrain.Samples.Snippets;

/// <summary>
/// Each region between <c>// &lt;name&gt;</c> and <c>// &lt;/name&gt;</c> appears verbatim in docs/observability.md;
/// a test checks that, and runs the method against the emulator with in-memory exporters.
/// </summary>
public static class ObservabilitySnippets
{
    public static IServiceProvider Register(IConfiguration configuration, ICollection<Activity> spans, ICollection<Metric> metrics)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        // <opentelemetry>
        services.AddDatabrainClient(configuration.GetSection("Databrain"));
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource("Databrain.Client").AddInMemoryExporter(spans))
            .WithMetrics(metering => metering.AddMeter("Databrain.Client").AddInMemoryExporter(metrics));
        // </opentelemetry>
        return services.BuildServiceProvider();
    }
}
