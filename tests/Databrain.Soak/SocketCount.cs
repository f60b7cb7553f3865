using System.Globalization;

namespace Databrain.Soak;

/// <summary>TCP sockets whose remote end is a given local port, from <c>/proc/net/tcp</c> and <c>tcp6</c> (Linux).</summary>
/// <param name="Established">Open connections (state 01): the pool's size.</param>
/// <param name="TimeWait">Recently closed ones (state 06): a pool that churns leaves these behind.</param>
public readonly record struct SocketCount(int Established, int TimeWait)
{
    /// <summary>Counts the sockets whose remote end is <paramref name="port"/> on this machine.</summary>
    /// <param name="port">The server's port.</param>
    /// <returns>The counts.</returns>
    public static SocketCount ToPort(int port)
    {
        int established = 0, timeWait = 0;
        foreach (var file in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(file))
            {
                continue;
            }

            foreach (var line in File.ReadLines(file).Skip(1))
            {
                // "  sl  local_address rem_address   st ..."; addresses are HEXIP:HEXPORT.
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 4)
                {
                    continue;
                }

                var remote = fields[2];
                var remotePort = int.Parse(remote.AsSpan(remote.IndexOf(':') + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (remotePort != port)
                {
                    continue;
                }

                switch (fields[3])
                {
                    case "01":
                        established++;
                        break;
                    case "06":
                        timeWait++;
                        break;
                }
            }
        }

        return new SocketCount(established, timeWait);
    }

    /// <summary>For example <c>12 established, 3 in TIME_WAIT</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Established} established, {TimeWait} in TIME_WAIT";
}
