using Databrain.Client.Models;

namespace Databrain.Client.Serialization;

/// <summary>Wire strings of <see cref="SnowflakeAuthMethod"/>.</summary>
internal sealed class SnowflakeAuthMethodJsonConverter : WireEnumConverter<SnowflakeAuthMethod>
{
    public static SnowflakeAuthMethodJsonConverter Instance { get; } = new();

    public SnowflakeAuthMethodJsonConverter()
        : base(
            (SnowflakeAuthMethod.UsernamePassword, "username/password"),
            (SnowflakeAuthMethod.KeyPair, "Key-pair authentication"))
    {
    }
}
