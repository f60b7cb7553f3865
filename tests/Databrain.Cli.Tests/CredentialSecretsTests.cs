using System.Text.Json;

namespace Databrain.Cli.Tests;

/// <summary>The tool's own list of secret fields masks exactly what the spec calls secret, for every documented type.</summary>
public sealed class CredentialSecretsTests
{
    public static TheoryData<string> EveryFullSample => [.. CredentialSamples.FullKeys];

    [Theory]
    [MemberData(nameof(EveryFullSample))]
    public void AddTo_MasksEverySecretFieldValueAndNoOther(string sample)
    {
        var json = CredentialSamples.Json(sample);
        var masker = new SecretMasker();

        CredentialSecrets.AddTo(masker, CredentialSamples.TypeOf(sample), json);

        using var document = JsonDocument.Parse(json);
        foreach (var field in document.RootElement.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.String && f.Value.GetString()!.Length > 0))
        {
            var value = field.Value.GetString()!;
            var expected = CredentialReflection.SecretWireNames.Contains(field.Name) ? "***" : value;
            masker.Apply(value).Should().Be(expected, $"{field.Name} of {sample}");
        }
    }

    [Fact]
    public void AddTo_ForAnUnknownType_MasksEveryValueButTheName_NestedOnesFromFourCharacters()
    {
        var masker = new SecretMasker();

        CredentialSecrets.AddTo(masker, "cockroachdb",
            """{"name": "crdb", "host": "crdb.internal", "options": {"cert": "PEM-DATA", "pin": 739142}, "tags": ["t-1", "tag-22"]}""");

        masker.Apply("crdb at crdb.internal with PEM-DATA, 739142, t-1 and tag-22").Should().Be("crdb at *** with ***, ***, t-1 and ***");
    }

    [Fact]
    public void AddTo_ForABigQueryKeyFile_MasksEachPrivateValue_AndThePrivateKeyFoldedOntoOneLine()
    {
        var key = ServiceAccountKey.Create(new Random(5));
        var json = $$"""{"name": "bq", "credentials_json": {{JsonSerializer.Serialize(key.ToJson())}}, "project_id": "{{key.ProjectId}}", "dataset_location": "EU"}""";
        var masker = new SecretMasker();

        CredentialSecrets.AddTo(masker, "bigquery", json);

        // The tool prints each error on one line, so a key echoed with its line breaks reaches the masker folded.
        var folded = string.Join(' ', key.PrivateKey.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        masker.Apply($"key {folded} of {key.ClientEmail} in {key.ProjectId}").Should().Be(
            "key -----BEGIN PRIVATE KEY----- *** *** *** *** -----END PRIVATE KEY----- of *** in acme-prod");
    }

    [Fact]
    public void AddTo_MasksTheFormsAServerMayEchoASecretIn()
    {
        var masker = new SecretMasker();

        CredentialSecrets.AddTo(masker, "postgres", """{"name": "pg", "password": "a\"b+c d"}""");

        masker.Apply("""raw a"b+c d, json a\"b+c d, url a%22b%2Bc%20d""").Should().Be("raw ***, json ***, url ***");
    }

    [Fact]
    public void AddTo_WithInputThatIsNotJson_AddsNothing()
    {
        var masker = new SecretMasker();

        CredentialSecrets.AddTo(masker, "postgres", "password=hunter2");

        masker.Apply("password=hunter2").Should().Be("password=hunter2");
    }

    [Fact]
    public void Apply_MasksALongerSecretWholeEvenWhenItContainsAShorterOne()
    {
        var masker = new SecretMasker();
        masker.Add("abc");
        masker.Add("xxabcxx");

        masker.Apply("1 xxabcxx 2 abc").Should().Be("1 *** 2 ***");
    }

    // Issue 14: with DATABRAIN_SERVICE_TOKEN=t every "t" of every line was masked.
    [Theory]
    [InlineData("error: VALIDATION_ERROR: the request is invalid (2 problems); nothing was sent.", "error: VALIDATION_ERROR: the request is invalid (2 problems); nothing was sent.")]
    [InlineData("bad token t", "bad token ***")]
    [InlineData("t", "***")]
    [InlineData("(t) \"t\" t.t", "(***) \"***\" ***.***")]
    public void Apply_OfAOneLetterSecret_MasksItOnlyWhereItStandsAsAWholeToken(string text, string expected)
    {
        var masker = new SecretMasker();
        masker.Add("t");

        masker.Apply(text).Should().Be(expected);
    }

    [Fact]
    public void Apply_OfAThreeLetterPassword_MasksItAsAWholeTokenButNotInsideWords()
    {
        var masker = new SecretMasker();
        masker.Add("abc");

        masker.Apply("password \"abc\" rejected; abcdef, xabc and abc1 stay").Should().Be("password \"***\" rejected; abcdef, xabc and abc1 stay");
    }

    [Fact]
    public void Apply_OfASecretOfEightCharactersOrMore_MasksItEvenInsideAWord()
    {
        var masker = new SecretMasker();
        masker.Add("hunter22");

        masker.Apply("prefixhunter22suffix").Should().Be("prefix***suffix");
    }
}
