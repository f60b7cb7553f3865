using System.Net.Sockets;

namespace Databrain.Emulator.Probes;

/// <summary>Succeeds when a TCP connection to the datasource's host and port opens in time.</summary>
internal sealed class TcpReachableConnectionProbe(TimeSpan connectTimeout) : IConnectionProbe
{
    private const int DefaultPort = 443;

    public async ValueTask<ConnectionProbeResult> ProbeAsync(ConnectionProbeContext context, CancellationToken cancellationToken)
    {
        if (!TryGetEndpoint(context, out var host, out var port))
        {
            return ConnectionProbeResult.CredentialTestFailed(
                "Credential test failed: the credentials name no host to connect to.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(connectTimeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
            return ConnectionProbeResult.Success();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ConnectionProbeResult.CredentialTestFailed(
                $"Credential test failed: could not connect to {host}:{port} within {connectTimeout.TotalSeconds:0.#} s.");
        }
        catch (SocketException exception)
        {
            return ConnectionProbeResult.CredentialTestFailed(
                $"Credential test failed: could not connect to {host}:{port} ({exception.SocketErrorCode}).");
        }
    }

    private static bool TryGetEndpoint(ConnectionProbeContext context, out string host, out int port)
    {
        port = context.GetInt32("port") ?? DefaultPort;
        var direct = context.GetString("host") ?? context.GetString("server") ?? context.GetString("serverHostname");
        if (!string.IsNullOrWhiteSpace(direct))
        {
            host = direct;
            return true;
        }

        if (Uri.TryCreate(context.GetString("server_url"), UriKind.Absolute, out var url) && !string.IsNullOrEmpty(url.Host))
        {
            host = url.Host;
            port = url.Port;
            return true;
        }

        host = string.Empty;
        return false;
    }
}
