using System.Text.RegularExpressions;

namespace Databrain.Cli.Tests.Support;

/// <summary>
/// The emulator gives every answer a fresh <c>x-request-id</c> (a GUID), which the tool prints as <c>requestId</c>:
/// a test checks it is there and then compares the rest of the line exactly.
/// </summary>
public static partial class RequestIdField
{
    public static string Strip(string jsonLine)
    {
        var match = Field().Match(jsonLine);
        match.Success.Should().BeTrue($"the line carries the emulator's request id: {jsonLine}");
        return jsonLine.Remove(match.Index, match.Length);
    }

    [GeneratedRegex(""","requestId":"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"(?=[,}])""")]
    private static partial Regex Field();
}
