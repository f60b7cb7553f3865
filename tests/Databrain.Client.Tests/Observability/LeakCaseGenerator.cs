using System.Text;

namespace Databrain.Client.Tests.Observability;

/// <summary>
/// Builds leak-hunt cases from a seed: case <c>i</c> depends only on (seed, i), so one case reproduces alone.
/// Secrets look like JSON, URLs, PEM keys, carry quotes, backslashes, control characters and non-ASCII text.
/// </summary>
public static class LeakCaseGenerator
{
    public static readonly (string Code, int Status)[] ErrorCodes =
    [
        ("INVALID_REQUEST_BODY", 400), ("DATASOURCE_NAME_ERROR", 400), ("CREDENTIAL_TEST_FAILED", 400), ("DATASOURCE_IN_USE", 400),
        ("DATASOURCE_ID_ERROR", 400), ("AUTHENTICATION_ERROR", 401), ("AUTHENTICATION_ERR", 401), ("DATASOURCE_NOT_FOUND", 404),
        ("SCHEMA_CACHE_FAILED", 500), ("CREATE_DATASOURCE_FAILED", 500), ("INTERNAL_SERVER_ERROR", 500), ("SOMETHING_NEW", 418),
    ];

    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly string[] Keys = [.. CredentialSamples.AllKeys.Where(k => !k.StartsWith("custom", StringComparison.Ordinal))];

    private static readonly string[] Prefixes =
    [
        "", "{\"password\":\"", "https://user:", "postgres://admin:", "\"", "'", "\\", "a\\\"b", "pässwörd-", "日本語-", "😀",
        "-----BEGIN PRIVATE KEY-----\n", "\t", "{\"type\":\"service_account\",\"private_key\":\"", "<script>", "%20&x=", "+/=",
    ];

    private static readonly string[] Suffixes =
    [
        "", "\"}", "@db.example.com:5432/app?sslmode=require", "\"", "'", "\\", "\\u0022", "ü€", "\n-----END PRIVATE KEY-----",
        "\r\n", "&token=x y", "</script>", "🔑", "\\\\\"", "%2F",
    ];

    public static string Core(Random random, int length = 24)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Alphanumeric[random.Next(Alphanumeric.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>The run's service token: header-safe (visible ASCII), with a random core.</summary>
    public static (string Token, string Core) Token(int seed)
    {
        var random = new Random(seed);
        var core = Core(random);
        return ("tok." + core + "-_~+/=", core);
    }

    public static LeakCase Create(int seed, int index)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var key = Keys[random.Next(Keys.Length)];
        var credentials = CredentialReflection.Set(CredentialSamples.Create(key), "name", $"leak-{index}");
        var secrets = new List<string>();
        var cores = new List<string>();
        foreach (var property in CredentialReflection.WireProperties(credentials.GetType()))
        {
            if (CredentialReflection.SecretWireNames.Contains(CredentialReflection.WireName(property)!) && property.GetValue(credentials) is string)
            {
                var core = Core(random);
                var secret = Prefixes[random.Next(Prefixes.Length)] + core + Suffixes[random.Next(Suffixes.Length)];
                property.SetValue(credentials, secret);
                secrets.Add(secret);
                cores.Add(core);
            }
        }

        var outcomes = Enum.GetValues<LeakOutcome>();
        var (code, status) = ErrorCodes[random.Next(ErrorCodes.Length)];
        return new LeakCase(
            index, key, credentials, secrets, cores,
            Create: random.Next(2) == 0,
            ViaDependencyInjection: random.Next(2) == 0,
            Outcome: outcomes[random.Next(outcomes.Length)],
            code,
            status);
    }
}
