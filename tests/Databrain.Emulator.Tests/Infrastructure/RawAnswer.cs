namespace Databrain.Emulator.Tests.Infrastructure;

/// <summary>Every byte a raw request got back, as text; empty when the connection closed without an answer.</summary>
public sealed record RawAnswer(string Text)
{
    /// <summary>The status line (<c>HTTP/1.1 200 OK</c>), or null when none arrived.</summary>
    public string? StatusLine => Text.Length == 0 ? null : Text[..Math.Max(0, Text.IndexOf("\r\n", StringComparison.Ordinal))];

    public bool NothingArrived => Text.Length == 0;

    public int Status => StatusLine is { } line ? int.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) : 0;

    public string? Header(string name) => Text.Split("\r\n")
        .TakeWhile(line => line.Length > 0)
        .Skip(1)
        .Select(line => line.Split(':', 2))
        .Where(parts => parts.Length == 2 && parts[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
        .Select(parts => parts[1].Trim())
        .SingleOrDefault();
}
