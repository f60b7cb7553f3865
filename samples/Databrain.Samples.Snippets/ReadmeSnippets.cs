using Databrain.Client;
using Databrain.Client.DesiredState;
using Databrain.Client.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Databrain.Samples.Snippets;

/// <summary>
/// Each region between <c>// &lt;name&gt;</c> and <c>// &lt;/name&gt;</c> appears verbatim in README.md;
/// a test checks that, and runs the methods against the emulator.
/// </summary>
public static class ReadmeSnippets
{
    // Writes to the console, as a reader's copy of the README would: the test captures Console.Out.
    public static async Task CreateAndListAsync(DatabrainClient client, string password)
    {
        // <create-and-list>
        var credentials = new PostgresCredentials
        {
            Name = "production-postgres", Host = "db.example.com", Port = 5432,
            Username = "dbuser", Password = password, Database = "analytics", Schema = "public",
        };
        var upserted = await client.UpsertDatasourceAsync(credentials); // creates it, or updates it if the name exists
        Console.WriteLine(upserted); // "created production-postgres (request id ...)": quote the id to DataBrain support

        await foreach (var datasource in client.ListDatasourcesAsync())
        {
            Console.WriteLine(datasource.Name);
        }
        // </create-and-list>
    }

    public static async Task<DatasourceApplyResult> ApplyAsync(DatabrainClient client, string definitionsFile)
    {
        // <desired-state>
        var definitions = await DatasourceDefinitionFile.LoadAsync(definitionsFile); // every problem at once, nothing sent
        var plan = await client.PlanDatasourcesAsync(definitions, new() { PrunePrefix = "team-a-" }); // one listing
        var result = await client.ApplyDatasourcesAsync(plan); // upserts 4 at a time, then deletes; failures are outcomes
        // </desired-state>
        return result;
    }

    public static DatabrainClient CreateClient(Uri baseAddress, string serviceToken)
    {
        // <create-client>
        var client = new DatabrainClient(new DatabrainClientOptions
        {
            BaseAddress = baseAddress, // default: https://api.usedatabrain.com
            ServiceToken = serviceToken,
        });
        // </create-client>
        return client;
    }

    public static IServiceProvider Register(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var services = new ServiceCollection();
        // <dependency-injection>
        services.AddDatabrainClient(configuration.GetSection("Databrain")); // BaseAddress, ServiceToken, ...
        // then inject DatabrainClient anywhere
        // </dependency-injection>
        return services.BuildServiceProvider();
    }
}
