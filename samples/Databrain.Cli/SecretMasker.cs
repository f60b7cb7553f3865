using System.Text;

namespace Databrain.Cli;

/// <summary>
/// Replaces every secret this run has read (the service token, secret credential values) with <c>***</c>
/// in whatever the tool prints. The SDK already scrubs what it can; this is the second line of defence,
/// applied to every line before it is written, whatever the server sent back.
/// </summary>
/// <remarks>
/// The SDK's rule for short secrets, kept here as well: a secret of <see cref="MinimumAnywhereLength"/> characters or
/// more is masked anywhere; a shorter one (a one-letter token) only where it stands as a whole token, its neighbours
/// not letters or digits (or the ends of the line), so that "the request" stays readable with a token <c>t</c>.
/// </remarks>
internal sealed class SecretMasker
{
    public const string Mask = "***";

    /// <summary>The shortest secret masked anywhere, even inside a word; shorter ones only as a whole token.</summary>
    public const int MinimumAnywhereLength = 8;

    // Longest first, so a secret that contains another is masked whole.
    private readonly List<string> _secrets = [];

    public void Add(string? secret) => AddRange([secret]);

    public void AddRange(IEnumerable<string?> secrets)
    {
        var added = false;
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret) && !_secrets.Contains(secret, StringComparer.Ordinal))
            {
                _secrets.Add(secret);
                added = true;
            }
        }

        if (added)
        {
            _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
        }
    }

    public string Apply(string text)
    {
        foreach (var secret in _secrets)
        {
            text = secret.Length >= MinimumAnywhereLength
                ? text.Replace(secret, Mask, StringComparison.Ordinal)
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

            builder.Append(text, copied, found - copied).Append(Mask);
            copied = end;
        }

        return copied == 0 ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }
}
