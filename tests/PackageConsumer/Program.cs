// Creates a datasource through the packaged SDK against the packaged emulator, and prints what it did.
using Databrain.Client;
using Databrain.Client.Models;
using Databrain.Emulator;

await using var emulator = await DatabrainEmulator.StartAsync(new DatabrainEmulatorOptions { AcceptAllConnections = true });
var client = new DatabrainClient(new DatabrainClientOptions { BaseAddress = emulator.BaseAddress, ServiceToken = emulator.ServiceToken });

var created = await client.CreateDatasourceAsync(new MySqlCredentials
{
    Name = "package-check",
    Host = "mysql.example.com",
    Port = 3306,
    User = "reader",
    Password = Guid.NewGuid().ToString("N"),
});
var listed = await client.ListDatasourcesAsync().Select(d => d.Name).ToListAsync();

Console.WriteLine($"package consumer: {created}; listed {string.Join(",", listed)}; SDK {typeof(DatabrainClient).Assembly.GetName().Version}");
return listed.SequenceEqual([created.Name]) && created.RequestId is not null ? 0 : 1;
