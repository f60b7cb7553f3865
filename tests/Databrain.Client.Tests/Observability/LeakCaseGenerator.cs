using System.Globalization;
using System.Text;
using System.Text.Json;
using Databrain.Client.Models;

namespace Databrain.Client.Tests.Observability;

/// <summary>
/// Builds leak-hunt cases from a seed: case <c>i</c> depends only on (seed, i), so one case reproduces alone.
/// Secrets look like JSON, URLs, PEM keys, carry quotes, backslashes, control characters and non-ASCII text.
/// A quarter of the cases are escape-hatch credentials with secrets nested in objects and arrays (numbers too), a
/// quarter BigQuery with a realistic service-account key file; the rest a sample of every documented type.
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
        var (key, credentials, secrets, cores) = random.Next(4) switch
        {
            0 => EscapeHatch(random, index),
            1 => BigQueryKey(random, index),
            _ => Documented(random, index),
        };

        var outcomes = Enum.GetValues<LeakOutcome>();
        var (code, status) = ErrorCodes[random.Next(ErrorCodes.Length)];
        var create = random.Next(2) == 0;
        var outcome = outcomes[random.Next(outcomes.Length)];

        // The first cases of every seed answer each mapped error code once, for a create and for an update, so the
        // hunt always reaches every code whatever the seed draws (a random draw can miss a rare pair).
        if (index < 2 * ErrorCodes.Length)
        {
            (code, status) = ErrorCodes[index / 2];
            create = index % 2 == 0;
            outcome = LeakOutcome.ErrorCode;
        }

        return new LeakCase(
            index, key, credentials, secrets, cores,
            Create: create,
            ViaDependencyInjection: random.Next(2) == 0,
            Outcome: outcome,
            code,
            status);
    }

    // A sample of a documented type, each secret field holding a random secret.
    private static (string Key, DatasourceCredentials Credentials, List<string> Secrets, List<string> Cores) Documented(Random random, int index)
    {
        var key = Keys[random.Next(Keys.Length)];
        var credentials = CredentialReflection.Set(CredentialSamples.Create(key), "name", $"leak-{index}");
        var secrets = new List<string>();
        var cores = new List<string>();
        foreach (var property in CredentialReflection.WireProperties(credentials.GetType()))
        {
            if (CredentialReflection.SecretWireNames.Contains(CredentialReflection.WireName(property)!) && property.GetValue(credentials) is string)
            {
                property.SetValue(credentials, Secret(random, secrets, cores));
            }
        }

        return (key, credentials, secrets, cores);
    }

    // The escape hatch with secrets at every depth: a top-level string and number, an object in an object, an
    // array of strings, numbers and objects. The server echoes the nested values, not only the top-level ones.
    private static (string Key, DatasourceCredentials Credentials, List<string> Secrets, List<string> Cores) EscapeHatch(Random random, int index)
    {
        var secrets = new List<string>();
        var cores = new List<string>();
        var credentials = new CustomCredentials("cockroachdb")
        {
            Name = $"leak-{index}",
            Fields =
            {
                ["connectionString"] = JsonSerializer.SerializeToElement(Secret(random, secrets, cores)),
                ["pin"] = JsonSerializer.SerializeToElement(Number(random, secrets, cores)),
                ["tls"] = JsonSerializer.SerializeToElement(new
                {
                    ca = Secret(random, secrets, cores),
                    verify = true,
                    client = new { key = Secret(random, secrets, cores), port = 26257 },
                }),
                ["replicas"] = JsonSerializer.SerializeToElement(new object[]
                {
                    Secret(random, secrets, cores), Number(random, secrets, cores), new { token = Secret(random, secrets, cores) },
                }),
            },
        };

        return ("custom/nested", credentials, Shuffled(random, secrets), cores);
    }

    // BigQuery with a realistic service-account key file: the server echoes the whole file or any one private value
    // in it, the PEM private key (its line breaks real or escaped) or a single line of it.
    private static (string Key, DatasourceCredentials Credentials, List<string> Secrets, List<string> Cores) BigQueryKey(Random random, int index)
    {
        var key = ServiceAccountKey.Create(random, "leak-project", keyLines: random.Next(2, 6));
        var json = key.ToJson(indented: random.Next(2) == 0);
        var credentials = new BigQueryCredentials { Name = $"leak-{index}", CredentialsJson = json, ProjectId = key.ProjectId, DatasetLocation = "EU" };
        List<string> secrets =
        [
            json, key.PrivateKey, key.PrivateKeyEscaped, key.PrivateKeyLines[random.Next(key.PrivateKeyLines.Count)],
            key.PrivateKeyId, key.ClientEmail, key.ClientId,
        ];
        List<string> cores = [.. key.PrivateKeyLines, key.PrivateKeyId, key.ClientEmail["svc-".Length..key.ClientEmail.IndexOf('@', StringComparison.Ordinal)], key.ClientId];
        return ("bigquery/service-account-key", credentials, Shuffled(random, secrets), cores);
    }

    private static string Secret(Random random, List<string> secrets, List<string> cores)
    {
        var core = Core(random);
        var secret = Prefixes[random.Next(Prefixes.Length)] + core + Suffixes[random.Next(Suffixes.Length)];
        secrets.Add(secret);
        cores.Add(core);
        return secret;
    }

    // Twelve digits: long enough that finding the whole number anywhere is a leak, not chance.
    private static long Number(Random random, List<string> secrets, List<string> cores)
    {
        var number = random.NextInt64(100_000_000_000, 1_000_000_000_000);
        var text = number.ToString(CultureInfo.InvariantCulture);
        secrets.Add(text);
        cores.Add(text);
        return number;
    }

    // So that the echoes that quote only the first secret (across the cut, as the code) reach every kind of value.
    private static List<string> Shuffled(Random random, List<string> secrets)
    {
        for (var i = secrets.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (secrets[i], secrets[j]) = (secrets[j], secrets[i]);
        }

        return secrets;
    }
}
