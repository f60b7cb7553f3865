using System.Text.Json;
using Databrain.Client.Models;
using Databrain.Client.Serialization;

namespace Databrain.Client.Transport;

/// <summary>
/// Masks the secret values a request carried wherever a server echoes them back (for example in an
/// error message), so they never reach an exception, a log line or the caller's output.
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
            secrets.Add(serviceToken);
        }

        using var document = JsonSerializer.SerializeToDocument(credentials, DatabrainJsonContext.Default.DatasourceCredentials);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var isSecret = credentials is CustomCredentials ? property.Name != "name" : SecretFields.Contains(property.Name);
            if (isSecret && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { Length: > 0 } value)
            {
                secrets.Add(value);
            }
        }

        // Longest first, so a secret that contains another is masked whole.
        secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
        return new SecretScrubber([.. secrets]);
    }

    public static SecretScrubber ForToken(string? serviceToken) =>
        string.IsNullOrEmpty(serviceToken) ? None : new SecretScrubber([serviceToken]);

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
