using System.Text.Json;
using Databrain.Client.Models;
using Databrain.Client.Serialization;
using Databrain.Client.Transport;

namespace Databrain.Client.Tests.Models;

public class CredentialWireFormatTests
{
    [Fact]
    public void Serialize_OfTheSpecPostgresExample_IsTheDocumentedBody()
    {
        var credentials = new PostgresCredentials
        {
            Name = "production-postgres",
            Host = "db.example.com",
            Port = 5432,
            Username = "dbuser",
            Password = "securepassword",
            Database = "analytics",
            Schema = "public",
        };

        var body = SerializeRequest(credentials, tenancySettings: null);

        JsonAssert.Equivalent("""
            {
              "datasourceType": "postgres",
              "credentials": {
                "name": "production-postgres",
                "host": "db.example.com",
                "port": 5432,
                "username": "dbuser",
                "password": "securepassword",
                "database": "analytics",
                "schema": "public"
              }
            }
            """, body);
    }

    [Theory]
    [MemberData(nameof(CredentialSamples.Keys), MemberType = typeof(CredentialSamples))]
    public void Serialize_OfEverySample_WritesTheGoldenRequestBody(string key)
    {
        var body = SerializeRequest(CredentialSamples.Create(key), tenancySettings: null);

        JsonAssert.Equivalent($$"""{"datasourceType": "{{CredentialSamples.TypeOf(key).Value}}", "credentials": {{CredentialSamples.Json(key)}}}""", body);
    }

    [Theory]
    [MemberData(nameof(CredentialSamples.Keys), MemberType = typeof(CredentialSamples))]
    public void Serialize_OfEverySample_WritesNameFirst(string key)
    {
        var json = JsonSerializer.Serialize(CredentialSamples.Create(key), DatabrainJsonContext.Default.DatasourceCredentials);

        using var document = JsonDocument.Parse(json);
        document.RootElement.EnumerateObject().First().Name.Should().Be("name");
    }

    [Theory]
    [MemberData(nameof(CredentialSamples.Keys), MemberType = typeof(CredentialSamples))]
    public void DatasourceType_OfEverySample_IsTheTypeOfItsKey(string key)
    {
        CredentialSamples.Create(key).DatasourceType.Value.Should().Be(CredentialSamples.TypeOf(key).Value);
    }

    [Fact]
    public void Samples_CoverEveryWellKnownTypeFullyAndMinimally()
    {
        var keys = CredentialSamples.AllKeys.ToList();

        keys.Should().BeEquivalentTo(DatasourceType.WellKnown.SelectMany(t => new[] { $"{t.Value}/full", $"{t.Value}/minimal" }));
    }

    [Fact]
    public void Serialize_WithTableTenancy_WritesEveryTenancyField()
    {
        var body = SerializeRequest(CredentialSamples.Create("mysql/minimal"), TenancySamples.Table());

        JsonAssert.Equivalent($$"""
            {
              "datasourceType": "mysql",
              "credentials": {{CredentialSamples.Json("mysql/minimal")}},
              "tenancySettings": {
                "tenancyLevel": "TABLE",
                "clientColumnType": "NUMBER",
                "schemaName": "public",
                "tableName": "clients",
                "tableClientNameColumn": "client_name",
                "tablePrimaryKeyColumn": "client_id"
              }
            }
            """, body);
    }

    [Fact]
    public void Serialize_WithDatabaseTenancy_WritesOnlyTheLevel()
    {
        var body = SerializeRequest(CredentialSamples.Create("mysql/minimal"), new TenancySettings { TenancyLevel = TenancyLevel.Database });

        JsonAssert.Equivalent(
            $$"""{"datasourceType": "mysql", "credentials": {{CredentialSamples.Json("mysql/minimal")}}, "tenancySettings": {"tenancyLevel": "DATABASE"} }""",
            body);
    }

    [Fact]
    public void Serialize_OfStringClientColumnType_WritesSTRING()
    {
        var json = JsonSerializer.Serialize(
            new TenancySettings { TenancyLevel = TenancyLevel.Table, ClientColumnType = ClientColumnType.String },
            DatabrainJsonContext.Default.TenancySettings);

        JsonAssert.Equivalent("""{"tenancyLevel": "TABLE", "clientColumnType": "STRING"}""", json);
    }

    [Fact]
    public void Serialize_OfCustomCredentials_WritesTheTypeTheNameAndEveryFieldAsIs()
    {
        var credentials = new CustomCredentials("cockroachdb")
        {
            Name = "crdb",
            Fields =
            {
                ["host"] = Element("\"crdb.example.com\""),
                ["port"] = Element("26257"),
                ["ssl"] = Element("{\"mode\": \"verify-full\", \"roots\": [1, 2.50, true, null]}"),
            },
        };

        var body = SerializeRequest(credentials, tenancySettings: null);

        JsonAssert.Equivalent("""
            {
              "datasourceType": "cockroachdb",
              "credentials": {"name": "crdb", "host": "crdb.example.com", "port": 26257, "ssl": {"mode": "verify-full", "roots": [1, 2.50, true, null]}}
            }
            """, body);
    }

    [Fact]
    public void Serialize_WhenAnEnumValueIsNotDefined_ThrowsInsteadOfSendingANumber()
    {
        var credentials = (TrinoCredentials)CredentialSamples.Create("trino/minimal") with { SshTunnel = (SshTunnel)42 };

        var act = () => SerializeRequest(credentials, tenancySettings: null);

        act.Should().Throw<JsonException>();
    }

    private static string SerializeRequest(DatasourceCredentials credentials, TenancySettings? tenancySettings) =>
        JsonSerializer.Serialize(
            new DatasourceRequest(credentials, tenancySettings),
            DatabrainJsonContext.Default.DatasourceRequest);

    private static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
