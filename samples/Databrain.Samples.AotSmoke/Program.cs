// Native AOT smoke test of the SDK as users register it (AddDatabrainClient): create a Postgres
// datasource, find it in the list, delete it, and print one fixed line. Configuration comes only from
// the environment: DATABRAIN_BASE_URL and DATABRAIN_SERVICE_TOKEN. Nothing secret is ever printed.
//
// DATABRAIN_SMOKE_T0_UNIX_NS (optional): the Unix time in nanoseconds just before this process was
// started; when set, the time from then to the first completed create goes to stderr (start-up figures).
using System.Globalization;
using Databrain.Client;
using Databrain.Client.Models;
using Microsoft.Extensions.DependencyInjection;

const string SuccessLine = "aot-smoke: ok (created, listed and deleted a datasource)";

var baseUrl = Environment.GetEnvironmentVariable("DATABRAIN_BASE_URL");
var token = Environment.GetEnvironmentVariable("DATABRAIN_SERVICE_TOKEN");
if (string.IsNullOrWhiteSpace(baseUrl) || string.IsNullOrWhiteSpace(token))
{
    Console.Error.WriteLine("aot-smoke: set DATABRAIN_BASE_URL and DATABRAIN_SERVICE_TOKEN.");
    return 2;
}

var services = new ServiceCollection();
services.AddDatabrainClient(options =>
{
    options.BaseAddress = new Uri(baseUrl);
    options.ServiceToken = token;
});
await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<DatabrainClient>();

var name = $"aot-smoke-{Guid.NewGuid():N}";
try
{
    var created = await client.CreateDatasourceAsync(new PostgresCredentials
    {
        Name = name,
        Host = "db.example.com",
        Port = 5432,
        Username = "aot_smoke",
        Password = Guid.NewGuid().ToString("N"),
        Database = "analytics",
        Schema = "public",
    });
    ReportStartup();

    var listed = false;
    await foreach (var datasource in client.ListDatasourcesAsync())
    {
        listed |= datasource.Name == name;
    }

    await client.DeleteDatasourceAsync(name);
    if (created.Name != name || !listed)
    {
        Console.Error.WriteLine($"aot-smoke: failed: created '{created.Name}', listed: {listed}.");
        return 1;
    }
}
catch (DatabrainException e)
{
    // SDK exceptions carry no secret (tokens and credential values are scrubbed).
    Console.Error.WriteLine($"aot-smoke: failed: {e.GetType().Name}: {e.Message}");
    return 1;
}

Console.WriteLine(SuccessLine);
return 0;

static void ReportStartup()
{
    if (long.TryParse(Environment.GetEnvironmentVariable("DATABRAIN_SMOKE_T0_UNIX_NS"), NumberStyles.None, CultureInfo.InvariantCulture, out var t0))
    {
        var nowNs = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"aot-smoke: first create completed {(nowNs - t0) / 1e6:F1} ms after launch"));
    }
}
