using System.Text.Json.Serialization;
using Databrain.Client.Serialization;

namespace Databrain.Client.Models;

/// <summary>Whether DataBrain reaches the database through an SSH tunnel (the wire field <c>sshTunnel</c>).</summary>
[JsonConverter(typeof(SshTunnelJsonConverter))]
public enum SshTunnel
{
    /// <summary>Connect through an SSH tunnel. Sent as <c>"enable"</c>.</summary>
    Enable,

    /// <summary>Connect directly. Sent as <c>"disable"</c>.</summary>
    Disable,
}
