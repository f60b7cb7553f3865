// Creates, lists and deletes a datasource through the packaged SDK on .NET Framework, against the server given as
// arguments (the standalone emulator in CI), and prints what it did and the runtime it ran on.
using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading.Tasks;
using Databrain.Client;
using Databrain.Client.Models;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: PackageConsumer.NetFramework.exe <base-url> <service-token>");
            return 2;
        }

        var client = new DatabrainClient(new DatabrainClientOptions
        {
            BaseAddress = new Uri(args[0]),
            ServiceToken = args[1],
        });

        var created = await client.CreateDatasourceAsync(new MySqlCredentials
        {
            Name = "package-check-netfx",
            Host = "mysql.example.com",
            Port = 3306,
            User = "reader",
            Password = Guid.NewGuid().ToString("N"),
        });

        var listed = new List<string>();
        await foreach (var datasource in client.ListDatasourcesAsync())
        {
            listed.Add(datasource.Name);
        }

        var deleted = await client.DeleteDatasourceAsync(created.Name);

        var sdkVersion = typeof(DatabrainClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var runtime = Type.GetType("Mono.Runtime") is null ? ".NET Framework " + Environment.Version : "Mono (.NET Framework " + Environment.Version + ")";
        Console.WriteLine($"package consumer (net472 on {runtime}): {created}; listed {string.Join(",", listed)}; {deleted}; SDK {sdkVersion}");
        return listed.Contains(created.Name) && created.RequestId is not null && deleted.RequestId is not null ? 0 : 1;
    }
}
