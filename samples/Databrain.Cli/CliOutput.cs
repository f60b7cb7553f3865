using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Databrain.Cli;

/// <summary>
/// Everything the tool prints goes through here, so every line is masked (see <see cref="SecretMasker"/>)
/// before it reaches standard output or standard error.
/// </summary>
internal sealed class CliOutput(TextWriter stdout, TextWriter stderr, SecretMasker masker)
{
    // Standard output is not HTML: keep '+', '<', '\'' and non-ASCII readable. Utf8JsonWriter needs no
    // reflection, so --output json stays trimming- and AOT-safe.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Progress is reported from the SDK's worker threads: one line or status update at a time.
    private readonly Lock _progressGate = new();
    private int _statusLength;

    public SecretMasker Masker => masker;

    /// <summary><paramref name="text"/> with every known secret masked, for values about to be written as JSON.</summary>
    public string Mask(string text) => masker.Apply(text);

    public Task WriteLineAsync(string text) => stdout.WriteLineAsync(masker.Apply(text));

    /// <summary>Writes one JSON document on one line. Mask string values with <see cref="Mask"/> as they are written.</summary>
    public Task WriteJsonAsync(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            write(writer);
        }

        return WriteLineAsync(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>Writes a line on standard output now, from any thread (progress callbacks are not awaited).</summary>
    public void WriteProgressLine(string text)
    {
        lock (_progressGate)
        {
            stdout.WriteLine(masker.Apply(text));
            stdout.Flush();
        }
    }

    /// <summary>Overwrites the terminal's current line with <paramref name="text"/> (a live display), from any thread.</summary>
    public void WriteStatus(string text)
    {
        lock (_progressGate)
        {
            var masked = masker.Apply(text);
            stdout.Write("\r" + masked.PadRight(_statusLength));
            stdout.Flush();
            _statusLength = masked.Length;
        }
    }

    /// <summary>Blanks the live display's line, so that what follows starts on a clean one.</summary>
    public void ClearStatus()
    {
        lock (_progressGate)
        {
            if (_statusLength > 0)
            {
                stdout.Write("\r" + new string(' ', _statusLength) + "\r");
                stdout.Flush();
                _statusLength = 0;
            }
        }
    }

    /// <summary>Writes <c>note: text</c> on standard error: something the user should know that is not a failure.</summary>
    public Task WriteNoteAsync(string text) => stderr.WriteLineAsync(masker.Apply("note: " + OneLine(text)));

    /// <summary>Writes <c>error: CODE: message</c> and each detail line, indented, on standard error.</summary>
    public async Task WriteErrorAsync(CliError error)
    {
        await stderr.WriteLineAsync(masker.Apply($"error: {error.Code}: {OneLine(error.Message)}")).ConfigureAwait(false);
        foreach (var detail in error.Details)
        {
            await stderr.WriteLineAsync(masker.Apply("  " + OneLine(detail))).ConfigureAwait(false);
        }
    }

    // Scripts read one error per line: a server message or parser message with line breaks (and
    // tab-indented continuation lines) is folded onto one.
    private static string OneLine(string text) =>
        string.Join(' ', text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
