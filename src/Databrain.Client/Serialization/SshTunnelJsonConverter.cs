using Databrain.Client.Models;

namespace Databrain.Client.Serialization;

/// <summary>Wire strings of <see cref="SshTunnel"/>.</summary>
internal sealed class SshTunnelJsonConverter : WireEnumConverter<SshTunnel>
{
    public static SshTunnelJsonConverter Instance { get; } = new();

    public SshTunnelJsonConverter()
        : base(
            (SshTunnel.Enable, "enable"),
            (SshTunnel.Disable, "disable"))
    {
    }
}
