using Databrain.Client;
using Databrain.Client.Diagnostics;
using Databrain.Client.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="DatabrainClient"/> over <c>IHttpClientFactory</c>.</summary>
/// <remarks>
/// The client runs its own resilience (retries, circuit breaker and per-attempt timeout from
/// <see cref="DatabrainClientOptions.Resilience"/>) around every attempt, and each attempt (with a fresh token) goes
/// through the <see cref="HttpClient"/> this registers: any handler you add to the returned builder, then the SDK's
/// connection pool. To use your own resilience instead, set <see cref="DatabrainResilienceOptions.Enabled"/> to
/// <see langword="false"/> and add yours to the returned builder (for example <c>AddResilienceHandler</c>).
/// Call and retry log lines go to the container's <c>ILoggerFactory</c>, category <c>Databrain.Client</c>; spans and
/// metrics to the <c>Databrain.Client</c> source and meter (docs/observability.md).
/// </remarks>
public static class DatabrainServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="DatabrainClient"/> configured in code. Options are validated at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets base address, token and timeouts.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>, to add your own handlers.</returns>
    public static IHttpClientBuilder AddDatabrainClient(this IServiceCollection services, Action<DatabrainClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddDatabrainClientCore(Options.Options.DefaultName, builder => builder.Configure(configure));
    }

    /// <summary>
    /// Registers a singleton <see cref="DatabrainClient"/> bound to a configuration section, for example
    /// <c>configuration.GetSection("Databrain")</c> with <c>BaseAddress</c> and <c>ServiceToken</c>.
    /// Options are validated at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the options.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>, to add your own handlers.</returns>
    public static IHttpClientBuilder AddDatabrainClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddDatabrainClientCore(Options.Options.DefaultName, builder => builder.Bind(configuration));
    }

    /// <summary>
    /// Registers a named <see cref="DatabrainClient"/> (say, one per DataBrain organization), resolved as a keyed
    /// service: <c>[FromKeyedServices("name")] DatabrainClient client</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name and service key.</param>
    /// <param name="configure">Sets base address, token and timeouts.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>, to add your own handlers.</returns>
    public static IHttpClientBuilder AddDatabrainClient(this IServiceCollection services, string name, Action<DatabrainClientOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddDatabrainClientCore(name, builder => builder.Configure(configure));
    }

    /// <summary>Registers a named <see cref="DatabrainClient"/> bound to a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name and service key.</param>
    /// <param name="configuration">The section holding the options.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>, to add your own handlers.</returns>
    public static IHttpClientBuilder AddDatabrainClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddDatabrainClientCore(name, builder => builder.Bind(configuration));
    }

    private static IHttpClientBuilder AddDatabrainClientCore(
        this IServiceCollection services, string name, Action<OptionsBuilder<DatabrainClientOptions>> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(services);

        configureOptions(services.AddOptions<DatabrainClientOptions>(name));
        services.AddOptions<DatabrainClientOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabrainClientOptions>, DatabrainClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        var httpClientName = name.Length == 0 ? "Databrain.Client" : $"Databrain.Client:{name}";

        // The client is a long-lived singleton holding its HttpClient, so the pool itself recycles
        // connections (DNS changes) instead of the factory rotating handlers under it.
        var builder = services.AddHttpClient(httpClientName)
            .ConfigurePrimaryHttpMessageHandler(ConnectionPool.Create)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The SDK logs every call itself (operation, status, duration, nothing secret); the factory's own
            // per-request handlers (a scope and two stopwatches per attempt) are off. AddDefaultLogger() on the
            // returned builder brings them back, with every header value redacted.
            .RemoveAllLoggers()
            .RedactLoggedHeaders(static _ => true);

        if (name.Length == 0)
        {
            services.TryAddSingleton(sp => Create(sp, name, httpClientName));
        }
        else
        {
            services.TryAddKeyedSingleton(name, (sp, _) => Create(sp, name, httpClientName));
        }

        return builder;
    }

    private static DatabrainClient Create(IServiceProvider services, string name, string httpClientName) => new(
        services.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName),
        OptionsFor(services, name),
        services.GetRequiredService<TimeProvider>(),
        Logger(services));

    private static ILogger Logger(IServiceProvider services) =>
        (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(ClientLog.Category);

    private static DatabrainClientOptions OptionsFor(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<DatabrainClientOptions>>().Get(name);
}
