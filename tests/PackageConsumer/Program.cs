// Creates a datasource through the packaged SDK against the packaged emulator, and prints what it did.
using System.Reflection;
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

// The package's version as MinVer stamped it (the assembly version is only major.0.0.0): .ci/run checks it is the one just packed.
var sdkVersion = typeof(DatabrainClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
Console.WriteLine($"package consumer: {created}; listed {string.Join(",", listed)}; SDK {sdkVersion}");
return listed.SequenceEqual([created.Name]) && created.RequestId is not null ? 0 : 1;
