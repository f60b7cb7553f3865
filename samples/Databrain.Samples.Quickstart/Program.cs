// The SDK's main job, end to end: register datasources with DataBrain, list, update and delete
// them, and handle a failure by its type.
//
// With no DATABRAIN_BASE_URL this starts the local DataBrain emulator in-process, so it runs on a
// fresh machine with no account. With DATABRAIN_BASE_URL set it runs against that server instead,
// and then needs DATABRAIN_SERVICE_TOKEN, QUICKSTART_PG_PASSWORD and QUICKSTART_SNOWFLAKE_PASSWORD
// (the demo databases' passwords: DataBrain tests each connection for real); without them it says
// which are missing and exits with 2 before sending anything. Secrets come only from the
// environment and are never printed.
using Databrain.Client;
using Databrain.Client.Models;
using Databrain.Emulator;

var baseUrl = Environment.GetEnvironmentVariable("DATABRAIN_BASE_URL");
if (!string.IsNullOrWhiteSpace(baseUrl))
{
    string[] required = ["DATABRAIN_SERVICE_TOKEN", "QUICKSTART_PG_PASSWORD", "QUICKSTART_SNOWFLAKE_PASSWORD"];
    var missing = required.Where(variable => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable))).ToList();
    if (missing.Count > 0)
    {
        Console.Error.WriteLine(
            $"error: DATABRAIN_BASE_URL is set, so the quickstart runs against that server, and then it also needs {string.Join(", ", missing)}. " +
            "Set them (the two passwords are those of the demo PostgreSQL and Snowflake databases, which DataBrain connects to), " +
            "or unset DATABRAIN_BASE_URL to run against the embedded emulator. Nothing was sent.");
        return 2;
    }

    if (!Uri.TryCreate(baseUrl.Trim(), UriKind.Absolute, out _))
    {
        Console.Error.WriteLine($"error: DATABRAIN_BASE_URL '{baseUrl}' is not an absolute URL (for example https://api.usedatabrain.com). Nothing was sent.");
        return 2;
    }
}

await using var emulator = string.IsNullOrWhiteSpace(baseUrl)
    ? await DatabrainEmulator.StartAsync(new DatabrainEmulatorOptions { AcceptAllConnections = true })
    : null;

var options = emulator is null
    ? new DatabrainClientOptions { BaseAddress = new Uri(baseUrl!.Trim()), ServiceToken = Environment.GetEnvironmentVariable("DATABRAIN_SERVICE_TOKEN") }
    : new DatabrainClientOptions { BaseAddress = emulator.BaseAddress, ServiceToken = emulator.ServiceToken };
Console.WriteLine(emulator is null ? $"DataBrain at {options.BaseAddress}" : $"DataBrain emulator at {options.BaseAddress} (no account needed)");

var client = new DatabrainClient(options);
var suffix = Guid.NewGuid().ToString("N")[..6];

// 1. Register a PostgreSQL database. Required fields are C# `required` members: leaving one out
//    does not compile, and the wire names (`username`, `host`) are the SDK's job, not yours.
var postgres = new PostgresCredentials
{
    Name = $"quickstart-postgres-{suffix}",
    Host = "db.example.com",
    Port = 5432,
    Username = "analytics_reader",
    Password = Secret("QUICKSTART_PG_PASSWORD"),
    Database = "analytics",
    Schema = "public",
};
var created = await client.CreateDatasourceAsync(postgres);
Console.WriteLine($"created   {created.Name} (request id {created.RequestId})"); // quote the request id to DataBrain support
Console.WriteLine($"          {postgres}"); // secrets print as ***

// 2. And a warehouse of another type.
var snowflake = new SnowflakeCredentials
{
    Name = $"quickstart-snowflake-{suffix}",
    Host = "acme.snowflakecomputing.com",
    Username = "ANALYTICS",
    Role = "REPORTER",
    Warehouse = "COMPUTE_WH",
    Database = "SALES",
    Schema = "PUBLIC",
    AuthenticationMethod = SnowflakeAuthMethod.UsernamePassword,
    Password = Secret("QUICKSTART_SNOWFLAKE_PASSWORD"),
};
Console.WriteLine($"created   {(await client.CreateDatasourceAsync(snowflake)).Name}");

// 3. List every datasource; the SDK pages through them as you enumerate.
await foreach (var datasource in client.ListDatasourcesAsync())
{
    Console.WriteLine($"listed    {datasource.Name}");
}

// 4. Update: DataBrain replaces the whole credential object, so send all of it.
Console.WriteLine($"updated   {(await client.UpdateDatasourceAsync(postgres with { Schema = "reporting" })).Name}");

// 5. Creating the same name again is a typed exception, not a string to parse.
try
{
    await client.CreateDatasourceAsync(postgres);
}
catch (DatasourceNameConflictException e)
{
    Console.WriteLine($"conflict  {e.ErrorCode}: {postgres.Name} already exists (HTTP {e.Status})");
}

// 6. Invalid input never leaves the process: every problem is reported at once.
try
{
    await client.CreateDatasourceAsync(postgres with { Name = " ", Port = 70000 });
}
catch (DatabrainValidationException e)
{
    foreach (var problem in e.Problems)
    {
        Console.WriteLine($"invalid   {problem}");
    }
}

// 7. Clean up.
foreach (var name in new[] { postgres.Name, snowflake.Name })
{
    var deleted = await client.DeleteDatasourceAsync(name);
    Console.WriteLine($"deleted   {name} ({deleted.Message})");
}

return 0;

// Against a real server the variable is set (checked at the top); against the emulator a throwaway password is enough.
static string Secret(string variable) =>
    Environment.GetEnvironmentVariable(variable) is { } value && !string.IsNullOrWhiteSpace(value) ? value : Guid.NewGuid().ToString("N");
