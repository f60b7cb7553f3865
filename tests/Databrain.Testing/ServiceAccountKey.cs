using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Databrain.Testing;

/// <summary>
/// A Google service-account key file as BigQuery's <c>credentials_json</c> holds it: Google's members in Google's
/// order, the PEM <c>private_key</c> with its line breaks escaped as <c>\n</c>. The private values are random and
/// alphanumeric (each key line is 64 characters, like base64), so any 8 of their characters found in an output is a leak.
/// </summary>
public sealed record ServiceAccountKey(string ProjectId, string PrivateKeyId, IReadOnlyList<string> PrivateKeyLines, string ClientEmail, string ClientId)
{
    public const string Type = "service_account";
    public const string AuthUri = "https://accounts.google.com/o/oauth2/auth";
    public const string TokenUri = "https://oauth2.googleapis.com/token";
    public const string CertsUri = "https://www.googleapis.com/oauth2/v1/certs";
    public const string UniverseDomain = "googleapis.com";

    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>The PEM text: armour lines, the body lines, a final line break.</summary>
    public string PrivateKey => "-----BEGIN PRIVATE KEY-----\n" + string.Concat(PrivateKeyLines.Select(l => l + "\n")) + "-----END PRIVATE KEY-----\n";

    /// <summary>The PEM text as the key file writes it: each line break as the two characters <c>\n</c>.</summary>
    public string PrivateKeyEscaped => PrivateKey.Replace("\n", "\\n");

    public string ClientCertUrl => "https://www.googleapis.com/robot/v1/metadata/x509/" + Uri.EscapeDataString(ClientEmail);

    /// <summary>A key with random private values; the same <paramref name="random"/> state gives the same key.</summary>
    public static ServiceAccountKey Create(Random random, string projectId = "acme-prod", int keyLines = 4)
    {
        var lines = Enumerable.Range(0, keyLines).Select(_ => Random(random, Alphanumeric, 64)).ToList();
        return new ServiceAccountKey(
            projectId,
            Random(random, "0123456789abcdef", 40),
            lines,
            $"svc-{Random(random, Alphanumeric, 16).ToLowerInvariant()}@{projectId}.iam.gserviceaccount.com",
            "1" + Random(random, "0123456789", 20));
    }

    /// <summary>The key file's JSON, pretty-printed as Google writes it or on one line.</summary>
    public string ToJson(bool indented = true)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("type", Type);
            writer.WriteString("project_id", ProjectId);
            writer.WriteString("private_key_id", PrivateKeyId);
            writer.WriteString("private_key", PrivateKey);
            writer.WriteString("client_email", ClientEmail);
            writer.WriteString("client_id", ClientId);
            writer.WriteString("auth_uri", AuthUri);
            writer.WriteString("token_uri", TokenUri);
            writer.WriteString("auth_provider_x509_cert_url", CertsUri);
            writer.WriteString("client_x509_cert_url", ClientCertUrl);
            writer.WriteString("universe_domain", UniverseDomain);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Random(Random random, string alphabet, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    public override string ToString() => $"ServiceAccountKey {{ ProjectId = {ProjectId} }}";
}
