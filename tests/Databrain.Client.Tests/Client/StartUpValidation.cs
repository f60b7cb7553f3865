using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Databrain.Client.Tests.Client;

/// <summary>What a host's start-up validation makes of a client registered from configuration.</summary>
internal static class StartUpValidation
{
    /// <summary>
    /// Registers the client from a <c>Databrain</c> section holding <paramref name="settings"/> (keys relative to it,
    /// for example <c>RateLimit:PermitLimit</c>) and runs <see cref="IStartupValidator"/>, as the generic host does.
    /// </summary>
    /// <returns>The exception it threw, or <see langword="null"/>.</returns>
    public static Exception? Run(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>("Databrain:" + setting.Key, setting.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddDatabrainClient(configuration.GetSection("Databrain"));
        using var provider = services.BuildServiceProvider();
        return Record.Exception(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }
}
