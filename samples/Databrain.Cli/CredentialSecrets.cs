using System.Text.Json;
using Databrain.Client.Models;

namespace Databrain.Cli;

/// <summary>
/// Finds the secret values in a wire-format <c>credentials</c> object, so the tool can mask them in its
/// own output. Read from the raw JSON, before the SDK parses it, so even input that fails validation
/// has its secrets masked.
/// </summary>
internal static class CredentialSecrets
{
    /// <summary>
    /// Adds the secret string values of <paramref name="json"/> to <paramref name="masker"/>. For one of the
    /// documented types that is the spec's secret fields; for any other type (the escape hatch) nobody knows
    /// which fields are secret, so every string value but the top-level <c>name</c> is.
    /// </summary>
    public static void AddTo(SecretMasker masker, DatasourceType type, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            // Not JSON: the SDK reports where, never what; nothing can be told apart as secret here.
            return;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            var everyValueIsSecret = !DatasourceType.WellKnown.Contains(type);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (everyValueIsSecret ? property.Name != "name" : DatasourceCredentials.IsSecretField(property.Name))
                {
                    AddStrings(masker, property.Value);
                }
            }
        }
    }

    private static void AddStrings(SecretMasker masker, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                masker.Add(value.GetString());
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    AddStrings(masker, property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    AddStrings(masker, item);
                }

                break;
        }
    }
}
