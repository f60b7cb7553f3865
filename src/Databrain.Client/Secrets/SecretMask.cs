namespace Databrain.Client.Secrets;

/// <summary>The fixed text shown in place of every secret value.</summary>
internal static class SecretMask
{
    public const string Value = "***";
}
