// Desired state: the datasources a team owns are declared in datasources.json (secrets by reference, never in the
// file), and one apply makes DataBrain match it: creates what is missing, updates what exists, and deletes what is
// gone, but only under the team's prefix. See docs/desired-state.md.
//
// Runs against the embedded DataBrain emulator, so it needs no account. The emulator starts with what a real
// organization would already hold: a datasource of the file (to update), one the file no longer lists (to delete)
// and another team's (to keep). Nothing secret is printed: definitions, plans and results show names and types only.
using Databrain.Client;
using Databrain.Client.DesiredState;
using Databrain.Client.Models;
using Databrain.Emulator;

await using var emulator = await DatabrainEmulator.StartAsync(new DatabrainEmulatorOptions { AcceptAllConnections = true });
var client = new DatabrainClient(new DatabrainClientOptions { BaseAddress = emulator.BaseAddress, ServiceToken = emulator.ServiceToken });
Console.WriteLine($"DataBrain emulator at {emulator.BaseAddress} (no account needed)");

foreach (var name in new[] { "demo-shop", "demo-legacy", "other-team-db" })
{
    await client.CreateDatasourceAsync(new MySqlCredentials { Name = name, Host = "mysql.example.com", Port = 3306, User = "shop", Password = Throwaway() });
    Console.WriteLine($"existing  {name}");
}

// In a pipeline these come from its secret store; here any value does, the emulator accepts every connection.
foreach (var variable in new[] { "DEMO_WAREHOUSE_PASSWORD", "DEMO_SHOP_PASSWORD" })
{
    if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
    {
        Environment.SetEnvironmentVariable(variable, Throwaway());
    }
}

// 1. Read the file: ${env:NAME} and ${file:PATH} resolve now, and the whole file is checked before anything is sent.
var definitions = await DatasourceDefinitionFile.LoadAsync(Path.Combine(AppContext.BaseDirectory, "datasources.json"));
foreach (var definition in definitions)
{
    Console.WriteLine($"desired   {definition}"); // name and type only
}

// 2. Plan: one listing, then a create or an update per definition, and a delete per name under the prefix that the
//    file does not list. Without PrunePrefix nothing is ever deleted.
var plan = await client.PlanDatasourcesAsync(definitions, new DatasourcePlanOptions { PrunePrefix = "demo-" });
foreach (var step in plan.Steps)
{
    Console.WriteLine($"plan      {step}");
}

// 3. Apply: two steps at a time, deletes last; a failed step is an outcome, not an exception, and the rest still run.
var result = await client.ApplyDatasourcesAsync(plan, new DatasourceApplyOptions { MaxConcurrency = 2 });
foreach (var outcome in result.Outcomes)
{
    Console.WriteLine(outcome.Status == DatasourceStepStatus.Succeeded
        ? $"{outcome.Result}"
        : $"{outcome.Status.ToString().ToLowerInvariant()}    {outcome.Step.Name}: {outcome.Exception?.Message}");
}

Console.WriteLine($"applied   {result.Succeeded} succeeded, {result.Failed} failed");

// 4. Applying again changes nothing but the credentials: every definition is now an update, and nothing is deleted.
var again = await client.PlanDatasourcesAsync(definitions, new DatasourcePlanOptions { PrunePrefix = "demo-" });
Console.WriteLine($"again     {string.Join(", ", again.Steps)}");

await foreach (var datasource in client.ListDatasourcesAsync())
{
    Console.WriteLine($"listed    {datasource.Name}");
}

return result.IsSuccess ? 0 : 1;

// A random password for the emulator, which accepts any.
static string Throwaway() => Guid.NewGuid().ToString("N");
