namespace Databrain.Client.Models;

/// <summary>
/// The <c>credentials</c> fields the spec names as secret. <c>s3AccessKeyId</c> is an identifier,
/// but it is masked too: together with a leaked secret it is a working key.
/// </summary>
internal static class SecretFields
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "privateKey", "credentials_json", "token", "client_secret",
        "s3SecretAccessKey", "sshPrivateKey", "s3AccessKeyId",
    };

    public static bool Contains(string wireName) => Names.Contains(wireName);
}
