using Databrain.Client;
using Databrain.Client.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace Databrain.Samples.Snippets;

/// <summary>The code docs/resilience.md shows, region by region (a test checks it appears there verbatim).</summary>
public static class ResilienceSnippets
{
    public static async Task CreateWithUnknownOutcomeAsync(DatabrainClient client, DatasourceCredentials credentials, ILogger logger, CancellationToken ct)
    {
        // <outcome-unknown>
        try
        {
            await client.CreateDatasourceAsync(credentials, cancellationToken: ct);
        }
        catch (DatabrainOutcomeUnknownException unknown)
        {
            switch (unknown.DatasourceExists)
            {
                case true:
                    logger.LogInformation("Created {Name} (confirmed by lookup)", unknown.DatasourceName);
                    break;
                case false:
                    await client.CreateDatasourceAsync(credentials, cancellationToken: ct); // it did not happen: safe to try again
                    break;
                default:
                    throw; // unknown: look again later before creating or updating
            }
        }
        // </outcome-unknown>
    }

    public static DatabrainClient Configure(ILoggerFactory loggerFactory)
    {
        // <configure-in-code>
        var client = new DatabrainClient(new DatabrainClientOptions
        {
            ServiceToken = Environment.GetEnvironmentVariable("DATABRAIN_TOKEN"),
            Timeout = TimeSpan.FromMinutes(5),
            Resilience =
            {
                AttemptTimeout = TimeSpan.FromMinutes(2),
                Retry = { MaxRetries = 5, MaxRetryAfter = TimeSpan.FromMinutes(1) },
                CircuitBreaker = { Enabled = true },
            },
        }, loggerFactory);
        // </configure-in-code>
        return client;
    }

    public static DatabrainClient RateLimited()
    {
        // <rate-limit>
        var client = new DatabrainClient(new DatabrainClientOptions
        {
            BaseAddress = new Uri("https://databrain.example.com"), // self-hosted: 500 requests per IP per 2 minutes
            ServiceToken = Environment.GetEnvironmentVariable("DATABRAIN_TOKEN"),
            RateLimit = { Enabled = true, PermitLimit = 500, Window = TimeSpan.FromMinutes(2) },
            Timeout = TimeSpan.FromMinutes(5), // a call may wait up to a window for its turn
        });
        // </rate-limit>
        return client;
    }

    public static void ReplacePipeline(IServiceCollection services, IConfiguration configuration)
    {
        // <replace-pipeline>
        services.AddDatabrainClient(configuration.GetSection("Databrain"))
            .AddStandardResilienceHandler(o => o.Retry.DisableForUnsafeHttpMethods()); // runs per attempt, under the SDK
        services.PostConfigure<DatabrainClientOptions>(o => o.Resilience.Enabled = false); // the SDK's own retries off
        // </replace-pipeline>
    }
}
