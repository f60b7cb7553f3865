using System.Text.RegularExpressions;

namespace Databrain.Testing;

/// <summary>
/// The regions of a file of samples/Databrain.Samples.Snippets (between <c>// &lt;name&gt;</c> and
/// <c>// &lt;/name&gt;</c>), dedented, as the docs must show them.
/// </summary>
public static partial class SnippetRegions
{
    public static Dictionary<string, string> Read(string fileName)
    {
        var source = RepositoryFiles.Read("samples", "Databrain.Samples.Snippets", fileName);
        return RegionPattern().Matches(source).ToDictionary(m => m.Groups["name"].Value, m => Dedent(m.Groups["body"].Value));
    }

    private static string Dedent(string body)
    {
        var lines = body.TrimEnd('\n', ' ').Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex(@"// <(?<name>[a-z-]+)>\n(?<body>.*?)\n\s*// </\k<name>>", RegexOptions.Singleline)]
    private static partial Regex RegionPattern();
}
