using Databrain.Client.Secrets;

namespace Databrain.Cli;

/// <summary>
/// Replaces every secret this run has read (the service token, secret credential values) with <c>***</c>
/// in whatever the tool prints. The SDK already scrubs what it can; this is the second line of defence,
/// applied to every line before it is written, whatever the server sent back.
/// </summary>
/// <remarks>
/// The masking itself is the SDK's (<see cref="SecretScrubber"/>: each secret as sent and in the forms a server echoes
/// it in; short secrets only as whole tokens, so "the request" stays readable with a token <c>t</c>). This class only
/// collects the secrets as the run reads them.
/// </remarks>
internal sealed class SecretMasker
{
    public const string Mask = SecretMask.Value;

    /// <summary>The shortest secret masked anywhere, even inside a word; shorter ones only as a whole token.</summary>
    public const int MinimumAnywhereLength = SecretScrubber.MinimumAnywhereLength;

    private readonly List<string> _secrets = [];
    private SecretScrubber _scrubber = SecretScrubber.None;

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
            _scrubber = SecretScrubber.ForValues(_secrets);
        }
    }

    public string Apply(string text) => _scrubber.Scrub(text) ?? text;
}
