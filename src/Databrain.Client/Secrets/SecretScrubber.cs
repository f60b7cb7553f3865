using System.Net;
using System.Text;
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
/// <remarks>
/// A text of <see cref="MinimumAnywhereLength"/> characters or more is masked wherever it occurs. A shorter one
/// (a one-letter token, a three-letter password) is masked only where it stands as a whole token: where the
/// characters either side of it are not letters or digits, or are the ends of the text. So a service token
/// <c>t</c> leaves "the request" readable while <c>token t rejected</c> and <c>password "t"</c> still lose it;
/// a short secret inside a longer word (<c>abc</c> in <c>abcdef</c>) is not a quotation of it.
/// </remarks>
internal sealed class SecretScrubber
{
    /// <summary>The shortest text masked anywhere, even inside a word; shorter ones only as a whole token.</summary>
    public const int MinimumAnywhereLength = 8;

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
            text = secret.Length >= MinimumAnywhereLength
                ? text.Replace(secret, SecretMask.Value) // ordinal on every target
                : ReplaceWholeTokens(text, secret);
        }

        return text;
    }

    // Each occurrence of a short secret whose neighbours are not letters or digits (or the ends of the text).
    private static string ReplaceWholeTokens(string text, string secret)
    {
        var found = text.IndexOf(secret, StringComparison.Ordinal);
        if (found < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var copied = 0;
        for (; found >= 0; found = text.IndexOf(secret, found + 1, StringComparison.Ordinal))
        {
            var end = found + secret.Length;
            if (found < copied || (found > 0 && char.IsLetterOrDigit(text[found - 1])) || (end < text.Length && char.IsLetterOrDigit(text[end])))
            {
                continue;
            }

            builder.Append(text, copied, found - copied).Append(SecretMask.Value);
            copied = end;
        }

        return copied == 0 ? text : builder.Append(text, copied, text.Length - copied).ToString();
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
