using System.Reflection;
using System.Text.Json;
using Databrain.Client.Models;
using Databrain.Client.Secrets;

namespace Databrain.Client.Tests.Secrets;

/// <summary>The one walker of secret fields: which fields are secret, and which values in them an echo must not show.</summary>
public sealed class CredentialSecretsTests
{
    public static TheoryData<string> EveryFullSample => [.. CredentialSamples.FullKeys];

    [Theory]
    [InlineData("password", true)]
    [InlineData("PASSWORD", true)]
    [InlineData("privateKey", true)]
    [InlineData("credentials_json", true)]
    [InlineData("token", true)]
    [InlineData("client_secret", true)]
    [InlineData("s3SecretAccessKey", true)]
    [InlineData("sshPrivateKey", true)]
    [InlineData("s3AccessKeyId", true)]
    [InlineData("name", false)]
    [InlineData("host", false)]
    [InlineData("client_id", false)]
    public void IsSecretField_IsTheSpecsList_AndThePublicMethodAgrees(string wireName, bool secret)
    {
        CredentialSecrets.IsSecretField(wireName).Should().Be(secret);
        DatasourceCredentials.IsSecretField(wireName).Should().Be(secret);
    }

    [Fact]
    public void Fields_MarkEverySpecSecretField_AndARepeatedNameAsSecret()
    {
        using var document = JsonDocument.Parse("""{"name": "pg", "host": "db", "password": "pw", "name": "again"}""");

        var fields = CredentialSecrets.Fields(document.RootElement, everyFieldIsSecret: false).Select(f => (f.Field.Name, f.IsSecret));

        fields.Should().Equal(("name", false), ("host", false), ("password", true), ("name", true));
    }

    [Fact]
    public void Fields_OfTheEscapeHatch_MarkEveryFieldButTheFirstNameAsSecret()
    {
        using var document = JsonDocument.Parse("""{"name": "crdb", "host": "h", "port": 1, "name": "again"}""");

        var fields = CredentialSecrets.Fields(document.RootElement, everyFieldIsSecret: true).Select(f => (f.Field.Name, f.IsSecret));

        fields.Should().Equal(("name", false), ("host", true), ("port", true), ("name", true));
    }

    [Theory]
    [MemberData(nameof(EveryFullSample))]
    public void Values_OfEveryTypedSample_HoldEverySecretFieldValueAndNoOtherValue(string sample)
    {
        var credentials = CredentialSamples.Create(sample);

        var values = CredentialSecrets.Values(credentials);

        using var wire = JsonDocument.Parse(CredentialSamples.Json(sample));
        foreach (var field in wire.RootElement.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.String))
        {
            if (CredentialReflection.SecretWireNames.Contains(field.Name))
            {
                values.Should().Contain(field.Value.GetString()!, $"{field.Name} of {sample} is secret");
            }
            else
            {
                values.Should().NotContain(field.Value.GetString()!, $"{field.Name} of {sample} is not secret");
            }
        }
    }

    [Fact]
    public void Values_OfTheSpecPostgresExample_AreExactlyThePassword()
    {
        CredentialSecrets.Values(CredentialSamples.Create("postgres/minimal")).Should().Equal("securepassword");
    }

    [Fact]
    public void Values_OfASecretFieldShorterThanAPart_StillHoldIt_BecauseTheFieldIsCertainlySecret()
    {
        CredentialSecrets.Values(CredentialSamples.Create("mysql/minimal")).Should().Equal("p");
    }

    [Fact]
    public void Values_OfCustomCredentials_HoldEveryNestedStringAndNumber_FromFourCharacters()
    {
        var credentials = new CustomCredentials("cockroachdb")
        {
            Name = "crdb",
            Fields =
            {
                ["host"] = Json("\"crdb.internal\""),
                ["port"] = Json("26257"),
                ["sslmode"] = Json("\"on\""),
                ["tls"] = Json("""{"ca": "PEM-DATA", "verify": [true, null, "abc", "tag-1", 7, 73914]}"""),
                ["name"] = Json("\"S3CRET-in-name\""),
            },
        };

        CredentialSecrets.Values(credentials).Should().Equal("crdb.internal", "26257", "PEM-DATA", "tag-1", "73914", "S3CRET-in-name");
    }

    [Fact]
    public void Values_OfABigQueryKeyFile_HoldTheWholeFileAndEachPrivateValue_NotThePublicMembers()
    {
        var key = ServiceAccountKey.Create(new Random(7));
        var json = key.ToJson();
        var credentials = new BigQueryCredentials { Name = "bq", CredentialsJson = json, ProjectId = key.ProjectId, DatasetLocation = "EU" };

        var values = CredentialSecrets.Values(credentials);

        string[] expected =
        [
            json, key.PrivateKeyId, key.PrivateKey, key.PrivateKeyEscaped, .. key.PrivateKeyLines,
            key.ClientEmail, key.ClientId, key.ClientCertUrl,
        ];
        string[] publicValues =
            [ServiceAccountKey.Type, key.ProjectId, ServiceAccountKey.UniverseDomain, ServiceAccountKey.TokenUri, "-----BEGIN PRIVATE KEY-----"];
        values.Should().Equal(expected);
        values.Should().NotContain(publicValues);
    }

    [Fact]
    public void Values_OfAMultiLinePrivateKey_HoldEachLineFromSixteenCharacters_NotTheArmour()
    {
        const string pem = "-----BEGIN PRIVATE KEY-----\r\nMIIEvQIBADANBgkqhkiG9w0B\r\nshort-line\r\n-----END PRIVATE KEY-----";
        var credentials = (SnowflakeCredentials)CredentialSamples.Create("snowflake/full") with { PrivateKey = pem };

        var values = CredentialSecrets.Values(credentials);

        values.Should().Equal("sf-password", pem, "MIIEvQIBADANBgkqhkiG9w0B");
    }

    [Fact]
    public void Values_OfAPrivateKeyPastedWithEscapedLineBreaks_HoldEachLineToo()
    {
        const string pem = @"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\nAQEFAASCBKcwggSjAgEAAoIB\n-----END PRIVATE KEY-----";
        var credentials = (TrinoCredentials)CredentialSamples.Create("trino/full") with { SshPrivateKey = pem };

        var values = CredentialSecrets.Values(credentials);

        values.Should().Equal("trino-password", pem, "MIIEvQIBADANBgkqhkiG9w0B", "AQEFAASCBKcwggSjAgEAAoIB");
    }

    [Fact]
    public void Values_OfRawJsonOfADocumentedType_HoldOnlyTheSecretFields_NestedValuesToo()
    {
        using var document = JsonDocument.Parse(
            """{"name": "pg", "host": "db.example.com", "port": "5432", "password": {"first": "hunter22", "short": "ab"}, "token": 123456}""");

        CredentialSecrets.Values(DatasourceType.Postgres, document.RootElement).Should().Equal("hunter22", "123456");
    }

    [Fact]
    public void Values_OfRawJsonOfAnUnknownType_HoldEveryFieldButTheName()
    {
        using var document = JsonDocument.Parse("""{"name": "crdb", "host": "crdb.internal", "options": {"cert": "PEM-DATA"}, "tags": ["t-1", "tag-22"]}""");

        CredentialSecrets.Values("cockroachdb", document.RootElement).Should().Equal("crdb.internal", "PEM-DATA", "tag-22");
    }

    [Theory]
    [InlineData("[\"secret-in-an-array\"]")]
    [InlineData("\"secret-as-a-string\"")]
    [InlineData("42")]
    public void Values_OfRawJsonThatIsNotAnObject_AreEmpty(string json)
    {
        using var document = JsonDocument.Parse(json);

        CredentialSecrets.Values(DatasourceType.Postgres, document.RootElement).Should().BeEmpty();
    }

    [Fact]
    public void Values_OfCredentialsWithNoWireForm_AreEmpty_BecauseTheyCannotBeSent()
    {
        var credentials = new CustomCredentials("cockroachdb") { Name = "crdb", Fields = { ["host"] = default } };

        CredentialSecrets.Values(credentials).Should().BeEmpty();
    }

    [Fact]
    public void FindSecretTexts_GiveEachFormOfEachSecret_LongestFirst()
    {
        var texts = DatasourceCredentials.FindSecretTexts(DatasourceType.Postgres, """{"name": "pg", "host": "db", "password": "a\"b+c d"}""");

        texts.Should().Equal(@"a\u0022b\u002Bc d", "a%22b%2Bc%20d", "a%22b%2Bc+d", @"a\""b+c d", "a\"b+c d");
    }

    [Fact]
    public void FindSecretTexts_OfAnUnknownType_MaskNestedValuesAsTheSdkDoes()
    {
        var texts = DatasourceCredentials.FindSecretTexts("cockroachdb", """{"name": "crdb", "tls": {"key": "nested-key"}, "pin": [73914]}""");

        texts.Should().Equal("nested-key", "73914");
    }

    [Theory]
    [InlineData("password=hunter2")]
    [InlineData("{\"password\": \"hunter2\"")]
    [InlineData("")]
    public void FindSecretTexts_OfTextThatIsNotJson_AreEmpty(string json)
    {
        DatasourceCredentials.FindSecretTexts(DatasourceType.Postgres, json).Should().BeEmpty();
    }

    [Fact]
    public void FindSecretTexts_OfNull_Throws()
    {
        var find = () => DatasourceCredentials.FindSecretTexts(DatasourceType.Postgres, null!);

        find.Should().Throw<ArgumentNullException>().WithParameterName("json");
    }

    [Fact]
    public void CredentialRecords_NoLongerCarryTheirOwnSecretRule()
    {
        // The escape hatch's rule lives in CredentialSecrets; a per-record override would be a second place to disagree.
        typeof(DatasourceCredentials).GetMethod("IsSecret", BindingFlags.NonPublic | BindingFlags.Instance).Should().BeNull();
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
