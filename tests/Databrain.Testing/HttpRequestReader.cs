using System.Globalization;
using System.Text;

namespace Databrain.Testing;

/// <summary>
/// Reads HTTP/1.1 requests off one connection, one after another (keep-alive), each whole: the request line,
/// the headers and the body, by Content-Length or chunked. What the loopback servers share. A request that asks
/// "Expect: 100-continue" is told to go on before its body is read, as any server does.
/// </summary>
public sealed class HttpRequestReader(Stream connection)
{
    private static readonly byte[] Continue = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");

    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next request; <see langword="null"/> when the client closed the connection between requests.</summary>
    /// <exception cref="IOException">The connection ended inside a request.</exception>
    public async Task<ServerExchange?> ReadAsync(CancellationToken cancellationToken)
    {
        var requestLine = await ReadLineAsync(cancellationToken);
        if (requestLine is null)
        {
            return null;
        }

        var parts = requestLine.Split(' ');
        if (parts.Length != 3)
        {
            throw new IOException($"Not an HTTP request line: '{requestLine}'.");
        }

        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        while (await ReadLineAsync(cancellationToken) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':');
            var name = line.Substring(0, colon).Trim();
            if (!headers.TryGetValue(name, out var values))
            {
                headers[name] = values = [];
            }

            values.Add(line.Substring(colon + 1).Trim());
        }

        if (Single(headers, "Expect") is { } expect && expect.Equals("100-continue", StringComparison.OrdinalIgnoreCase))
        {
            await connection.WriteAsync(Continue, 0, Continue.Length, cancellationToken);
        }

        var body = Single(headers, "Transfer-Encoding") is { } encoding && encoding.Equals("chunked", StringComparison.OrdinalIgnoreCase)
            ? await ReadChunkedAsync(cancellationToken)
            : await ReadExactlyAsync(Single(headers, "Content-Length") is { } length ? int.Parse(length, CultureInfo.InvariantCulture) : 0, cancellationToken);

        var target = parts[1];
        var queryStart = target.IndexOf('?');
        return new ServerExchange(
            parts[0],
            Uri.UnescapeDataString(queryStart < 0 ? target : target.Substring(0, queryStart)),
            queryStart < 0 ? string.Empty : target.Substring(queryStart),
            headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value, StringComparer.OrdinalIgnoreCase),
            Encoding.UTF8.GetString(body));
    }

    private static string? Single(Dictionary<string, List<string>> headers, string name) =>
        headers.TryGetValue(name, out var values) ? values[values.Count - 1] : null;

    private async Task<byte[]> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(cancellationToken) ?? throw Truncated();
            var size = int.Parse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                // Trailers, if any, end with an empty line.
                while (await ReadLineAsync(cancellationToken) is { Length: > 0 })
                {
                }

                return body.ToArray();
            }

            var chunk = await ReadExactlyAsync(size, cancellationToken);
            body.Write(chunk, 0, chunk.Length);
            _ = await ReadLineAsync(cancellationToken) ?? throw Truncated();
        }
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        var bytes = new byte[count];
        var copied = 0;
        while (copied < count)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                throw Truncated();
            }

            var take = Math.Min(count - copied, _end - _start);
            Buffer.BlockCopy(_buffer, _start, bytes, copied, take);
            _start += take;
            copied += take;
        }

        return bytes;
    }

    /// <summary>One CRLF-terminated line, without the CRLF; <see langword="null"/> at a clean end of the connection.</summary>
    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = Encoding.ASCII.GetString(_buffer, _start, newline - _start).TrimEnd('\r');
                _start = newline + 1;
                return line;
            }

            var hadData = _start < _end;
            if (!await FillAsync(cancellationToken))
            {
                return hadData ? throw Truncated() : null;
            }
        }
    }

    /// <summary>Moves what is unread to the front and reads more behind it; <see langword="false"/> at the end of the connection.</summary>
    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
        _end -= _start;
        _start = 0;
        if (_end == _buffer.Length)
        {
            throw new IOException("A request line or header is longer than the buffer.");
        }

        var read = await connection.ReadAsync(_buffer, _end, _buffer.Length - _end, cancellationToken);
        _end += read;
        return read > 0;
    }

    private static IOException Truncated() => new("The client closed the connection inside a request.");
}
