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
    public void AddTo_ForAnUnknownType_MasksEveryStringButTheName_NestedOnesToo()
    {
        var masker = new SecretMasker();

        CredentialSecrets.AddTo(masker, "cockroachdb", """{"name": "crdb", "host": "crdb.internal", "options": {"cert": "PEM-DATA"}, "tags": ["t-1"]}""");

        masker.Apply("crdb at crdb.internal with PEM-DATA and t-1").Should().Be("crdb at *** with *** and ***");
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
}
