using System.Text.Json;
using Databrain.Emulator.Validation;

namespace Databrain.Emulator.Probes;

/// <summary>Replaces secret values in a message with <c>***</c>.</summary>
internal static class SecretScrubber
{
    public const string Mask = "***";

    /// <summary>Replaces every occurrence of each non-empty secret in <paramref name="message"/>.</summary>
    public static string Scrub(string message, IEnumerable<string?> secrets)
    {
        // Longest first, so that a secret containing another one is masked whole.
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).OrderByDescending(s => s!.Length))
        {
            message = message.Replace(secret!, Mask, StringComparison.Ordinal);
        }

        return message;
    }

    /// <summary>The values of the secret fields of a <c>credentials</c> object.</summary>
    public static IEnumerable<string?> SecretValues(JsonElement credentials)
    {
        if (credentials.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var field in DatasourceCatalog.SecretFields)
        {
            if (credentials.TryGetProperty(field, out var value))
            {
                yield return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            }
        }
    }
}
