using System.Text.Json;
using Databrain.Client.Models;
using Databrain.Client.Serialization;

namespace Databrain.Client.Tests.Models;

public class CredentialRoundTripTests
{
    private const string CockroachJson = """
        {
          "name": "crdb-prod",
          "host": "free-tier.gcp-us-central1.cockroachlabs.cloud",
          "port": 26257,
          "ratio": 0.125,
          "big": 12345678901234567890,
          "exponent": 1e3,
          "sslMode": true,
          "insecure": false,
          "nothing": null,
          "options": {"cluster": "acme-123", "retries": [1, 2, 3], "tls": {"ca": "pem", "verify": true}},
          "hosts": ["a", {"b": [null, 2.50]}, []],
          "password": "crdb-password"
        }
        """;

    [Theory]
    [MemberData(nameof(CredentialSamples.Keys), MemberType = typeof(CredentialSamples))]
    public void FromJson_ThenSerialize_GivesBackTheSameWireJson(string key)
    {
        var credentials = DatasourceCredentials.FromJson(CredentialSamples.TypeOf(key), CredentialSamples.Json(key));

        JsonAssert.Equivalent(CredentialSamples.Json(key), Serialize(credentials));
    }

    [Theory]
    [MemberData(nameof(CredentialSamples.Keys), MemberType = typeof(CredentialSamples))]
    public void FromJson_OfEverySample_ReturnsTheEqualTypedRecord(string key)
    {
        var credentials = DatasourceCredentials.FromJson(CredentialSamples.TypeOf(key), CredentialSamples.Json(key));

        credentials.Should().BeOfType(CredentialSamples.Create(key).GetType());
        credentials.Should().Be(CredentialSamples.Create(key));
    }

    [Theory]
    [MemberData(nameof(CredentialSamples.Keys), MemberType = typeof(CredentialSamples))]
    public void FromJson_OfAnElement_ReturnsTheSameAsFromText(string key)
    {
        using var document = JsonDocument.Parse(CredentialSamples.Json(key));

        DatasourceCredentials.FromJson(CredentialSamples.TypeOf(key), document.RootElement).Should().Be(CredentialSamples.Create(key));
    }

    [Fact]
    public void FromJson_WhenTheTypeDiffersInCase_ReturnsTheTypedRecord()
    {
        var credentials = DatasourceCredentials.FromJson("POSTGRES", CredentialSamples.Json("postgres/minimal"));

        credentials.Should().Be(CredentialSamples.Create("postgres/minimal"));
    }

    [Fact]
    public void FromJson_OfAnUnknownType_ReturnsCustomCredentialsWithNameAndEveryOtherField()
    {
        var credentials = DatasourceCredentials.FromJson("cockroachdb", CockroachJson);

        var custom = credentials.Should().BeOfType<CustomCredentials>().Subject;
        custom.DatasourceType.Value.Should().Be("cockroachdb");
        custom.Name.Should().Be("crdb-prod");
        custom.Fields.Keys.Should().Equal("host", "port", "ratio", "big", "exponent", "sslMode", "insecure", "nothing", "options", "hosts", "password");
        custom.Fields["big"].GetRawText().Should().Be("12345678901234567890");
        custom.Fields["exponent"].GetRawText().Should().Be("1e3");
        custom.Fields["nothing"].ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void FromJson_OfAnUnknownType_ThenSerialize_GivesBackEveryFieldUntouched()
    {
        var credentials = DatasourceCredentials.FromJson("cockroachdb", CockroachJson);

        JsonAssert.Equivalent(CockroachJson, Serialize(credentials));
    }

    [Fact]
    public void FromJson_OfAnUnknownTypeElement_OutlivesTheDocument()
    {
        DatasourceCredentials credentials;
        using (var document = JsonDocument.Parse(CockroachJson))
        {
            credentials = DatasourceCredentials.FromJson("cockroachdb", document.RootElement);
        }

        JsonAssert.Equivalent(CockroachJson, Serialize(credentials));
    }

    private static string Serialize(DatasourceCredentials credentials) =>
        JsonSerializer.Serialize(credentials, DatabrainJsonContext.Default.DatasourceCredentials);
}
