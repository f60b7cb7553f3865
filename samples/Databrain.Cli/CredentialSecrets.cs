using Databrain.Client.Models;

namespace Databrain.Cli;

/// <summary>
/// Registers the secrets of a wire-format <c>credentials</c> object with the tool's <see cref="SecretMasker"/>.
/// Which values are secret is the SDK's call (<see cref="DatasourceCredentials.FindSecretTexts(DatasourceType, string)"/>), the same one
/// that masks <c>ToString()</c> and server echoes, so the tool and the SDK cannot disagree. Read from the raw JSON,
/// before the SDK validates it, so even input that fails validation has its secrets masked.
/// </summary>
internal static class CredentialSecrets
{
    /// <summary>
    /// Adds every text to mask for <paramref name="json"/> to <paramref name="masker"/>: each secret value, its parts
    /// (nested values, the values inside a JSON key file, the lines of a PEM key) and the forms a server may echo it in.
    /// For a type the SDK does not know, every field but <c>name</c> is secret.
    /// </summary>
    public static void AddTo(SecretMasker masker, DatasourceType type, string json) =>
        masker.AddRange(DatasourceCredentials.FindSecretTexts(type, json));
}
