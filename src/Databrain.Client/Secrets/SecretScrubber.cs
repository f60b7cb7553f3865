using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Databrain.Client.Models;

namespace Databrain.Client.Secrets;

/// <summary>
/// Masks the secret values a request carried wherever a server echoes them back (for example in an
/// error message), so they never reach an exception, a log line or the caller's output. Which values are secret,
/// down to the parts of nested and JSON-document secrets, is <see cref="CredentialSecrets"/>' call. Each is masked
/// as sent and in the forms a server may echo it in: JSON-escaped by either encoder (a message quoting the request
/// body) and URL-encoded both ways (a message quoting a connection string or a URL).
/// </summary>
internal sealed class SecretScrubber
{
    private readonly string[] _texts;

    private SecretScrubber(string[] texts) => _texts = texts;

    /// <summary>A scrubber that masks nothing.</summary>
    public static SecretScrubber None { get; } = new([]);

    /// <summary>Every text this scrubber replaces: each secret in each of its forms, longest first.</summary>
    public IReadOnlyList<string> Texts => _texts;

    /// <summary>Masks the service token and every secret value of <paramref name="credentials"/>.</summary>
    public static SecretScrubber For(DatasourceCredentials credentials, string? serviceToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var secrets = new List<string>(CredentialSecrets.Values(credentials));
        if (!string.IsNullOrEmpty(serviceToken))
        {
            secrets.Add(serviceToken);
        }

        return ForValues(secrets);
    }

    /// <summary>Masks the service token only (calls that send no credentials).</summary>
    public static SecretScrubber ForToken(string? serviceToken) =>
        string.IsNullOrEmpty(serviceToken) ? None : ForValues([serviceToken]);

    /// <summary>Masks each of <paramref name="secrets"/> (values as sent; empty ones are skipped) in every form.</summary>
    public static SecretScrubber ForValues(IEnumerable<string> secrets)
    {
        var texts = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var secret in secrets)
        {
            if (string.IsNullOrEmpty(secret))
            {
                continue;
            }

            foreach (var form in Forms(secret))
            {
                if (seen.Add(form))
                {
                    texts.Add(form);
                }
            }
        }

        if (texts.Count == 0)
        {
            return None;
        }

        // Longest first, so a secret that contains another is masked whole. Stable, so the order is reproducible.
        return new SecretScrubber([.. texts.OrderByDescending(t => t.Length)]);
    }

    /// <summary><paramref name="text"/> with every secret form replaced by <c>***</c>.</summary>
    public string? Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in _texts)
        {
            text = text.Replace(secret, SecretMask.Value, StringComparison.Ordinal);
        }

        return text;
    }

    private static IEnumerable<string> Forms(string secret)
    {
        yield return secret;
        yield return JsonEncodedText.Encode(secret).Value;
        yield return JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value;
        yield return Uri.EscapeDataString(secret);
        yield return WebUtility.UrlEncode(secret);
    }
}
