namespace Databrain.Cli;

/// <summary>Lays out rows under headers in columns two spaces apart, as <c>kubectl get</c> does; no trailing spaces.</summary>
internal static class TextTable
{
    public static IEnumerable<string> Lines(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = new int[headers.Count];
        foreach (var row in rows.Prepend(headers))
        {
            for (var column = 0; column < widths.Length; column++)
            {
                widths[column] = Math.Max(widths[column], row[column].Length);
            }
        }

        foreach (var row in rows.Prepend(headers))
        {
            yield return string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd();
        }
    }
}
