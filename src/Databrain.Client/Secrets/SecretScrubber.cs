using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Databrain.Client.Models;
using Databrain.Client.Serialization;

namespace Databrain.Client.Secrets;

/// <summary>
/// Masks the secret values a request carried wherever a server echoes them back (for example in an
/// error message), so they never reach an exception, a log line or the caller's output. Each secret is masked as
/// sent and in the forms a server may echo it in: JSON-escaped (a message quoting the request body) and
/// URL-encoded (a message quoting a connection string or a URL).
/// </summary>
internal sealed class SecretScrubber
{
    private readonly string[] _secrets;

    private SecretScrubber(string[] secrets) => _secrets = secrets;

    public static SecretScrubber None { get; } = new([]);

    public static SecretScrubber For(DatasourceCredentials credentials, string? serviceToken)
    {
        var secrets = new List<string>();
        if (!string.IsNullOrEmpty(serviceToken))
        {
            AddForms(secrets, serviceToken);
        }

        using var document = JsonSerializer.SerializeToDocument(credentials, DatabrainJsonContext.Default.DatasourceCredentials);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var isSecret = credentials is CustomCredentials ? property.Name != "name" : SecretFields.Contains(property.Name);
            if (isSecret && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { Length: > 0 } value)
            {
                AddForms(secrets, value);
            }
        }

        return Sorted(secrets);
    }

    public static SecretScrubber ForToken(string? serviceToken)
    {
        if (string.IsNullOrEmpty(serviceToken))
        {
            return None;
        }

        var secrets = new List<string>();
        AddForms(secrets, serviceToken);
        return Sorted(secrets);
    }

    private static void AddForms(List<string> secrets, string secret)
    {
        AddDistinct(secrets, secret);
        AddDistinct(secrets, JsonEncodedText.Encode(secret).Value);
        AddDistinct(secrets, JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value);
        AddDistinct(secrets, Uri.EscapeDataString(secret));
        AddDistinct(secrets, WebUtility.UrlEncode(secret));
    }

    private static void AddDistinct(List<string> secrets, string form)
    {
        if (!secrets.Contains(form))
        {
            secrets.Add(form);
        }
    }

    // Longest first, so a secret that contains another is masked whole.
    private static SecretScrubber Sorted(List<string> secrets)
    {
        secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
        return new SecretScrubber([.. secrets]);
    }

    public string? Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, SecretMask.Value, StringComparison.Ordinal);
        }

        return text;
    }
}
