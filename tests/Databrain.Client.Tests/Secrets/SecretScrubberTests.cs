using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Databrain.Client.Models;
using Databrain.Client.Secrets;

namespace Databrain.Client.Tests.Secrets;

/// <summary>The echo scrubber: every secret value the walker finds, in every form a server may echo it in.</summary>
public sealed class SecretScrubberTests
{
    private const string Password = "p\"a+s s/w&ö";

    public static TheoryData<string> FormsOfThePassword =>
    [
        Password,
        JsonEncodedText.Encode(Password).Value,
        JsonEncodedText.Encode(Password, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value,
        Uri.EscapeDataString(Password),
        WebUtility.UrlEncode(Password),
    ];

    [Theory]
    [MemberData(nameof(FormsOfThePassword))]
    public void Scrub_MasksTheSecretInEachFormAServerMayEchoIt(string echoed)
    {
        var scrubber = SecretScrubber.For(ApiServer.Postgres() with { Password = Password }, "svc-token");

        scrubber.Scrub($"login failed: {echoed}.").Should().Be("login failed: ***.");
    }

    [Fact]
    public void Scrub_MasksTheServiceToken()
    {
        SecretScrubber.For(ApiServer.Postgres(), "svc-token-1234").Scrub("token svc-token-1234 rejected").Should().Be("token *** rejected");
        SecretScrubber.ForToken("svc-token-1234").Scrub("token svc-token-1234 rejected").Should().Be("token *** rejected");
    }

    [Fact]
    public void Scrub_MasksALongerSecretWhole_EvenWhenItContainsAShorterOne()
    {
        var scrubber = SecretScrubber.ForValues(["abcd", "xxabcdxx"]);

        scrubber.Scrub("1 xxabcdxx 2 abcd").Should().Be("1 *** 2 ***");
        scrubber.Texts.Should().Equal("xxabcdxx", "abcd");
    }

    // Issue 14: with a one-letter token every "t" of every message was masked ("***he reques*** is invalid").
    [Theory]
    [InlineData("The request is invalid (2 problems); nothing was sent.", "The request is invalid (2 problems); nothing was sent.")]
    [InlineData("token t rejected", "token *** rejected")]
    [InlineData("t", "***")]
    [InlineData("Bearer t.", "Bearer ***.")]
    [InlineData("token=\"t\"; test t, tt t_t", "token=\"***\"; test ***, tt ***_***")]
    public void Scrub_OfAOneCharacterToken_MasksItOnlyWhereItStandsAsAWholeToken(string text, string expected)
    {
        SecretScrubber.ForToken("t").Scrub(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("password \"abc\" rejected", "password \"***\" rejected")]
    [InlineData("abcdef and xabc and abc1 stay", "abcdef and xabc and abc1 stay")]
    [InlineData("abc:abc/abc", "***:***/***")]
    [InlineData("login abc@db failed", "login ***@db failed")]
    public void Scrub_OfAThreeCharacterPassword_MasksItAsAWholeTokenButNotInsideWords(string text, string expected)
    {
        var scrubber = SecretScrubber.For(ApiServer.Postgres() with { Password = "abc" }, serviceToken: null);

        scrubber.Scrub(text).Should().Be(expected);
    }

    [Fact]
    public void Scrub_OfASecretOfEightCharactersOrMore_MasksItEvenInsideAWord()
    {
        SecretScrubber.ForToken("hunter22").Scrub("prefixhunter22suffix and hunter2 stays").Should().Be("prefix***suffix and hunter2 stays");
        SecretScrubber.ForToken("hunter2").Scrub("prefixhunter2suffix, hunter2.").Should().Be("prefixhunter2suffix, ***.");
    }

    [Fact]
    public void Scrub_OfAShortSecretThatIsNotAlphanumeric_StillNeedsNonAlphanumericNeighbours()
    {
        SecretScrubber.ForToken("a-b").Scrub("a-b, xa-b, a-bx, (a-b)").Should().Be("***, xa-b, a-bx, (***)");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ForToken_WithoutAToken_IsNone(string? token)
    {
        SecretScrubber.ForToken(token).Should().BeSameAs(SecretScrubber.None);
        SecretScrubber.None.Scrub("nothing to hide").Should().Be("nothing to hide");
        SecretScrubber.None.Scrub(null).Should().BeNull();
    }

    [Fact]
    public void Scrub_OfCustomCredentials_MasksNestedValuesButLeavesShortCommonText()
    {
        var credentials = new CustomCredentials("cockroachdb")
        {
            Name = "crdb",
            Fields =
            {
                ["tls"] = Json("""{"mode": "on", "client": {"key": "nested-client-key"}}"""),
                ["hosts"] = Json("""["crdb-1.internal", 26257]"""),
            },
        };

        var scrubber = SecretScrubber.For(credentials, serviceToken: null);

        scrubber.Scrub("turn on tls for crdb-1.internal:26257 with nested-client-key")
            .Should().Be("turn on tls for ***:*** with ***");
    }

    public static TheoryData<string, string> EchoesOfABigQueryKey()
    {
        var key = ServiceAccountKey.Create(new Random(11));
        var data = new TheoryData<string, string>
        {
            { "bad key: " + key.PrivateKey, "bad key: ***" },
            { "bad key: " + key.PrivateKeyEscaped, "bad key: ***" },
            { "bad key: " + JsonEncodedText.Encode(key.PrivateKeyEscaped).Value, "bad key: ***" },
            { "bad key: " + WebUtility.UrlEncode(key.PrivateKey), "bad key: ***" },
            { "bad key: " + Uri.EscapeDataString(key.PrivateKey), "bad key: ***" },
            { "bad line: " + key.PrivateKeyLines[2], "bad line: ***" },
            { "bad key: " + key.PrivateKey.Replace("\n", "\r\n"),
                "bad key: -----BEGIN PRIVATE KEY-----\r\n" + string.Concat(key.PrivateKeyLines.Select(_ => "***\r\n")) + "-----END PRIVATE KEY-----\r\n" },
            { "bad key: " + key.PrivateKey.Replace("\n", " "),
                "bad key: -----BEGIN PRIVATE KEY----- " + string.Concat(key.PrivateKeyLines.Select(_ => "*** ")) + "-----END PRIVATE KEY----- " },
            { $"key {key.PrivateKeyId} of {key.ClientEmail} ({key.ClientId})", "key *** of *** (***)" },
            { "file: " + key.ToJson(), "file: ***" },
            { "file: " + JsonEncodedText.Encode(key.ToJson()).Value, "file: ***" },
            { $"type {ServiceAccountKey.Type} at {ServiceAccountKey.TokenUri} for {key.ProjectId}",
                $"type {ServiceAccountKey.Type} at {ServiceAccountKey.TokenUri} for {key.ProjectId}" },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(EchoesOfABigQueryKey))]
    public void Scrub_OfABigQueryKey_MasksTheWholeFileAndEachPrivateValueHoweverItIsEchoed(string echoed, string expected)
    {
        var key = ServiceAccountKey.Create(new Random(11));
        var credentials = new BigQueryCredentials { Name = "bq", CredentialsJson = key.ToJson(), ProjectId = key.ProjectId, DatasetLocation = "EU" };

        SecretScrubber.For(credentials, serviceToken: null).Scrub(echoed).Should().Be(expected);
    }

    [Fact]
    public void Scrub_OfABigQueryKeyFileReformattedByTheServer_LeavesOnlyItsPublicMembers()
    {
        var key = ServiceAccountKey.Create(new Random(11));
        var credentials = new BigQueryCredentials { Name = "bq", CredentialsJson = key.ToJson(indented: true), ProjectId = key.ProjectId, DatasetLocation = "EU" };

        var scrubbed = SecretScrubber.For(credentials, serviceToken: null).Scrub("file: " + key.ToJson(indented: false));

        scrubbed.Should().Be(
            "file: {\"type\":\"service_account\",\"project_id\":\"acme-prod\",\"private_key_id\":\"***\",\"private_key\":\"***\"," +
            "\"client_email\":\"***\",\"client_id\":\"***\",\"auth_uri\":\"https://accounts.google.com/o/oauth2/auth\"," +
            "\"token_uri\":\"https://oauth2.googleapis.com/token\",\"auth_provider_x509_cert_url\":\"https://www.googleapis.com/oauth2/v1/certs\"," +
            "\"client_x509_cert_url\":\"***\",\"universe_domain\":\"googleapis.com\"}");
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
