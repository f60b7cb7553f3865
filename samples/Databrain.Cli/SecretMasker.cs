namespace Databrain.Cli;

/// <summary>
/// Replaces every secret this run has read (the service token, secret credential values) with <c>***</c>
/// in whatever the tool prints. The SDK already scrubs what it can; this is the second line of defence,
/// applied to every line before it is written, whatever the server sent back.
/// </summary>
internal sealed class SecretMasker
{
    public const string Mask = "***";

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
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
