// Every exception the SDK throws, provoked for real against the embedded emulator, and the resilience
// options that shape them. Run: dotnet run --project samples/Databrain.Samples.ErrorHandling
using Databrain.Client;
using Databrain.Client.Models;
using Databrain.Emulator;

await using var emulator = await DatabrainEmulator.StartAsync(new DatabrainEmulatorOptions { AcceptAllConnections = true });

var options = new DatabrainClientOptions
{
    BaseAddress = emulator.BaseAddress,
    ServiceToken = emulator.ServiceToken,
    Timeout = TimeSpan.FromSeconds(20),                 // the whole call, retries included
    Resilience =
    {
        AttemptTimeout = TimeSpan.FromSeconds(1),        // one attempt (default 60 s: creates test a live connection)
        Retry =
        {
            MaxRetries = 2,                              // default 3; 0 turns retries off
            BaseDelay = TimeSpan.FromMilliseconds(50),   // jittered exponential backoff
            MaxRetryAfter = TimeSpan.FromSeconds(5),     // a longer Retry-After fails at once instead of sleeping
        },
    },
};
var client = new DatabrainClient(options);
var credentials = new PostgresCredentials
{
    Name = "orders", Host = "db.example.com", Port = 5432, Username = "reader",
    Password = Guid.NewGuid().ToString("N"), Database = "analytics", Schema = "public",
};
await client.GetDatasourcePageAsync(1); // warm up (a list is retried if a cold start outlasts the short attempt timeout)
await client.CreateDatasourceAsync(credentials);

await Show("invalid input (nothing is sent)", () => client.CreateDatasourceAsync(credentials with { Host = "", Port = 0 }));
await Show("wire JSON with a misspelt field", () => Task.FromResult(DatasourceCredentials.FromJson("postgres",
    """{"name": "orders", "host": "db.example.com", "port": 5432, "user": "reader", "password": "pw", "database": "analytics", "schema": "public"}""")));
await Show("wire JSON with a misspelt type", () => Task.FromResult(DatasourceCredentials.FromJson("postgress", """{"name": "orders"}""")));
await Show("text that is not JSON", () => Task.FromResult(DatasourceCredentials.FromJson("postgres", """{"name": "orders",""")));
await Show("create an existing name", () => client.CreateDatasourceAsync(credentials));
await Show("update an unknown name", () => client.UpdateDatasourceAsync(credentials with { Name = "ghost" }));
await Show("sync an unknown id", () => client.SyncDatasourceAsync(Guid.NewGuid().ToString()));

emulator.SetConnectionProbe("postgres", ConnectionProbeMode.Reject);
await Show("DataBrain cannot connect", () => client.CreateDatasourceAsync(credentials with { Name = "unreachable" }));
emulator.SetConnectionProbe("postgres", ConnectionProbeMode.Accept);

emulator.SetInUse("orders", true);
await Show("delete a datasource in use", () => client.DeleteDatasourceAsync("orders"));
emulator.SetInUse("orders", false);

await Show("a wrong service token", () => new DatabrainClient(new DatabrainClientOptions
{
    BaseAddress = emulator.BaseAddress,
    ServiceToken = "not-the-token",
}).GetDatasourcePageAsync(1));

emulator.FailNextRequests(1, 429, "TOO_MANY_REQUESTS", "slow down", retryAfter: TimeSpan.FromMinutes(2));
await Show("rate limited beyond MaxRetryAfter", () => client.GetDatasourcePageAsync(1));

emulator.FailNextRequests(2, 503, "INTERNAL_SERVER_ERROR", "busy");
await Show("two 503s, then success (retried)", () => client.GetDatasourcePageAsync(1));

emulator.FailNextRequests(1, 500, "SCHEMA_CACHE_FAILED", "could not cache the schema");
await Show("a 500 on create (never retried)", () => client.CreateDatasourceAsync(credentials with { Name = "reporting" }));

emulator.Latency = TimeSpan.FromSeconds(2);
await Show("every attempt too slow (list retries, then times out)", () => client.GetDatasourcePageAsync(1));
await Show("a create whose answer never came", () => client.CreateDatasourceAsync(credentials with { Name = "slow" }));
emulator.Latency = TimeSpan.Zero;
// Whether an abandoned request still completed is the server's business (the emulator drops it): look again.
var created = await client.ListDatasourcesAsync().AnyAsync(d => d.Name == "slow");
Console.WriteLine($"{"  looked up again later",-55} -> 'slow' {(created ? "exists" : "does not exist")}");

await Show("nothing listening", () => new DatabrainClient(new DatabrainClientOptions
{
    BaseAddress = new Uri("http://127.0.0.1:9"),
    ServiceToken = "t",
    Resilience = { Retry = { BaseDelay = TimeSpan.FromMilliseconds(10) } },
}).GetDatasourcePageAsync(1));

static async Task Show(string title, Func<Task> call)
{
    Console.Write($"{title,-55} -> ");
    try
    {
        await call();
        Console.WriteLine("succeeded");
    }
    catch (DatabrainValidationException e)
    {
        // Problems name the fields (never their values); Errors groups them for ASP.NET Core's ValidationProblem.
        Console.WriteLine($"{e.GetType().Name}: {string.Join(" ", e.Problems)}");
    }
    catch (DatabrainRateLimitedException e)
    {
        Console.WriteLine($"{e.GetType().Name}: HTTP {e.Status} {e.ErrorCode}, retry after {e.RetryAfter}");
    }
    catch (DatabrainApiException e)
    {
        // Status, ErrorCode, ServerMessage and RequestId are what DataBrain said; never parse Message.
        Console.WriteLine($"{e.GetType().Name}: HTTP {e.Status} {e.ErrorCode} \"{e.ServerMessage}\" (request {e.RequestId})");
    }
    catch (DatabrainOutcomeUnknownException e)
    {
        var exists = e.DatasourceExists switch { true => "exists", false => "does not exist", null => "unknown (the lookup could not tell)" };
        Console.WriteLine($"{e.GetType().Name}: not resent; '{e.DatasourceName}' {exists}; cause {e.InnerException?.GetType().Name}");
    }
    catch (DatabrainException e)
    {
        Console.WriteLine($"{e.GetType().Name}: {e.Message}");
    }
}
