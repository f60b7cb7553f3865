using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Databrain.Emulator.Tests.Infrastructure;

/// <summary>
/// One HTTP/1.1 request on its own loopback connection (<c>Connection: close</c>), reading every byte until the
/// server closes or resets it. No client library sits in between, so nothing is resent and a dropped connection shows
/// as exactly zero bytes received.
/// </summary>
public static class RawHttp
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static Task<RawAnswer> CreateAsync(DatabrainEmulator emulator, JsonNode body) =>
        SendAsync(emulator, "POST", Api.DatasourcePath, body.ToJsonString());

    public static Task<RawAnswer> UpdateAsync(DatabrainEmulator emulator, JsonNode body) =>
        SendAsync(emulator, "PUT", Api.DatasourcePath, body.ToJsonString());

    public static Task<RawAnswer> ListAsync(DatabrainEmulator emulator) => SendAsync(emulator, "GET", Api.DatasourcePath, null);

    public static Task<RawAnswer> DeleteAsync(DatabrainEmulator emulator, string name) =>
        SendAsync(emulator, "DELETE", Api.DatasourcePath + "?datasourceName=" + Uri.EscapeDataString(name), null);

    public static Task<RawAnswer> SyncAsync(DatabrainEmulator emulator, Guid id) =>
        SendAsync(emulator, "POST", Api.SyncPath, new JsonObject { ["input"] = new JsonObject { ["datasourceId"] = id.ToString("D") } }.ToJsonString());

    public static async Task<RawAnswer> SendAsync(DatabrainEmulator emulator, string method, string pathAndQuery, string? json)
    {
        using var timeout = new CancellationTokenSource(Limit);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, emulator.BaseAddress.Port, timeout.Token);
        var stream = tcp.GetStream();

        var body = json is null ? [] : Encoding.UTF8.GetBytes(json);
        var head = new StringBuilder()
            .Append(method).Append(" /").Append(pathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: 127.0.0.1:").Append(emulator.BaseAddress.Port).Append("\r\n")
            .Append("Authorization: Bearer ").Append(emulator.ServiceToken).Append("\r\n")
            .Append("Connection: close\r\n");
        if (json is not null)
        {
            head.Append("Content-Type: application/json\r\n");
        }

        head.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        var received = new MemoryStream();
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), timeout.Token);
            await stream.WriteAsync(body, timeout.Token);
            var buffer = new byte[4096];
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // Reset by the server: whatever arrived before is the answer.
        }

        return new RawAnswer(Encoding.UTF8.GetString(received.ToArray()));
    }
}
