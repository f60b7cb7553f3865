using System.Text.Json.Serialization;
using Databrain.Client.Serialization;

namespace Databrain.Client.Models;

/// <summary>How a Snowflake datasource authenticates (the wire field <c>credentials</c>).</summary>
[JsonConverter(typeof(SnowflakeAuthMethodJsonConverter))]
public enum SnowflakeAuthMethod
{
    /// <summary>A password; <c>password</c> is required. Sent as <c>"username/password"</c>.</summary>
    UsernamePassword,

    /// <summary>A private key; <c>privateKey</c> is required. Sent as <c>"Key-pair authentication"</c>.</summary>
    KeyPair,
}
