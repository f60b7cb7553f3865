using System.Text.Json;
using Databrain.Client.Models;
using Databrain.Client.Serialization;
using Databrain.Client.Transport;
using Xunit.Abstractions;

namespace Databrain.Client.Tests;

public class SmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void Postgres()
    {
        var c = new PostgresCredentials { Name = "production-postgres", Host = "db.example.com", Port = 5432, Username = "dbuser", Password = "securepassword", Database = "analytics", Schema = "public" };
        var json = JsonSerializer.Serialize(new DatasourceRequest(c.DatasourceType, c, null), DatabrainJsonContext.Default.DatasourceRequest);
        output.WriteLine(json);
        output.WriteLine(c.ToString());
        var custom = new CustomCredentials("cockroachdb") { Name = "x", Fields = { ["host"] = JsonDocument.Parse("\"h\"").RootElement, ["password"] = JsonDocument.Parse("\"pw\"").RootElement } };
        output.WriteLine(JsonSerializer.Serialize(new DatasourceRequest(custom.DatasourceType, custom, new TenancySettings { TenancyLevel = TenancyLevel.Table, ClientColumnType = ClientColumnType.Number }), DatabrainJsonContext.Default.DatasourceRequest));
        output.WriteLine(custom.ToString());
        var t = new TrinoCredentials { Name = "t", Host = "h", Port = 1, Catalog = "c", Schema = "s", Username = "u", Password = "p", SshTunnel = SshTunnel.Enable };
        output.WriteLine(JsonSerializer.Serialize(t, DatabrainJsonContext.Default.DatasourceCredentials));
        output.WriteLine(t.ToString());
    }
}
