using Databrain.Client.Benchmarks.Canned;
using Databrain.Client.Benchmarks.Floor;
using Databrain.Client.Benchmarks.Peers;
using Databrain.Client.Models;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace Databrain.Client.Benchmarks;

/// <summary>
/// Every contestant, each in its own service container over its own in-memory handler, built the way
/// a user would build it.
/// </summary>
public sealed class Contestants : IDisposable
{
    public static readonly Uri BaseAddress = new("https://databrain.bench/");
    public const string Token = "bench-service-token-0123456789abcdef";

    private readonly List<IDisposable> _owned = [];

    /// <param name="conflictOnCreate">Whether every create is answered 400 <c>DATASOURCE_NAME_ERROR</c>.</param>
    public Contestants(bool conflictOnCreate)
    {
        Floor = new FloorClient(new CannedHandler(conflictOnCreate), BaseAddress, Token);
        _owned.Add(Floor);

        // (1) The SDK as AddDatabrainClient gives it, the in-memory server as its primary handler;
        // (3) the same with its resilience pipeline switched off.
        Sdk = Own(SdkServices(conflictOnCreate, resilience: true)).GetRequiredService<DatabrainClient>();
        SdkNoResilience = Own(SdkServices(conflictOnCreate, resilience: false)).GetRequiredService<DatabrainClient>();

        // (4) and (5): a generated Refit client of the same endpoints, registered as Refit's docs show.
        RefitResilient = Own(RefitServices(conflictOnCreate, resilience: true)).GetRequiredService<IPeerDatasourceApi>();
        RefitPlain = Own(RefitServices(conflictOnCreate, resilience: false)).GetRequiredService<IPeerDatasourceApi>();
    }

    public FloorClient Floor { get; }

    public DatabrainClient Sdk { get; }

    public DatabrainClient SdkNoResilience { get; }

    public IPeerDatasourceApi RefitResilient { get; }

    public IPeerDatasourceApi RefitPlain { get; }

    /// <summary>The Postgres datasource the SDK sends.</summary>
    public static PostgresCredentials SdkCredentials { get; } = new()
    {
        Name = CannedResponses.DatasourceName,
        Host = "db.example.com",
        Port = 5432,
        Username = "dbuser",
        Password = "securepassword",
        Database = "analytics",
        Schema = "public",
    };

    /// <summary>The same datasource, as the floor and the peers send it.</summary>
    public static WireDatasourceRequest WireRequest { get; } = new(
        "postgres",
        new WirePostgresCredentials(CannedResponses.DatasourceName, "db.example.com", 5432, "dbuser", "securepassword", "analytics", "public"));

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    private static ServiceProvider SdkServices(bool conflictOnCreate, bool resilience)
    {
        var services = new ServiceCollection();
        services.AddDatabrainClient(options =>
            {
                options.BaseAddress = BaseAddress;
                options.ServiceToken = Token;
                options.Resilience.Enabled = resilience;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new CannedHandler(conflictOnCreate));
        return services.BuildServiceProvider();
    }

    private static ServiceProvider RefitServices(bool conflictOnCreate, bool resilience)
    {
        var services = new ServiceCollection();
        var builder = services.AddRefitGeneratedClient<IPeerDatasourceApi>(WireJsonContext.Default)
            .ConfigureHttpClient(client =>
            {
                client.BaseAddress = BaseAddress;
                client.DefaultRequestHeaders.Authorization = new("Bearer", Token);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new CannedHandler(conflictOnCreate));
        if (resilience)
        {
            builder.AddStandardResilienceHandler();
        }

        return services.BuildServiceProvider();
    }

    private ServiceProvider Own(ServiceProvider provider)
    {
        _owned.Add(provider);
        return provider;
    }
}
