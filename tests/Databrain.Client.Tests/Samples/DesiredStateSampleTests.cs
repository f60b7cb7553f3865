using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Databrain.Client.Tests.Samples;

/// <summary>
/// samples/Databrain.Samples.DesiredState, run as a process: it applies its datasources.json (secrets by reference)
/// against the embedded emulator and prints the plan and each outcome, and no secret.
/// </summary>
public sealed class DesiredStateSampleTests
{
    private const string Uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    [Fact]
    public async Task Sample_CreatesUpdatesAndPrunesUnderItsPrefix_PrintingNoSecret()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(SampleAssembly());
        start.Environment["DEMO_WAREHOUSE_PASSWORD"] = "warehouse-password-Hq27";
        start.Environment.Remove("DEMO_SHOP_PASSWORD");

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        var lines = Regex.Replace((await stdout).ReplaceLineEndings("\n"), Uuid, "ID").TrimEnd('\n').Split('\n');

        process.ExitCode.Should().Be(0, await stderr);
        lines[0].Should().MatchRegex("^DataBrain emulator at http://127\\.0\\.0\\.1:[0-9]+/ \\(no account needed\\)$");
        lines.Skip(1).Take(16).Should().Equal(
            "existing  demo-shop",
            "existing  demo-legacy",
            "existing  other-team-db",
            "desired   demo-analytics (postgres)",
            "desired   demo-warehouse (snowflake)",
            "desired   demo-shop (mysql)",
            "plan      create demo-analytics",
            "plan      create demo-warehouse",
            "plan      update demo-shop",
            "plan      delete demo-legacy",
            "created demo-analytics (request id ID)",
            "created demo-warehouse (request id ID)",
            "updated demo-shop (request id ID)",
            "deleted demo-legacy, id ID (request id ID)",
            "applied   4 succeeded, 0 failed",
            "again     update demo-analytics, update demo-warehouse, update demo-shop");
        lines.Skip(17).Should().BeEquivalentTo(
            "listed    demo-shop", "listed    other-team-db", "listed    demo-analytics", "listed    demo-warehouse");
        var output = string.Join("\n", lines) + await stderr;
        output.Should().NotContain("emulator-only-demo-password").And.NotContain("warehouse-password-Hq27");
    }

    // Built with this project (a ProjectReference that references no assembly), in the same configuration.
    private static string SampleAssembly()
    {
        var configuration = typeof(DesiredStateSampleTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var path = Path.Combine(
            RepositoryFiles.Root, "samples", "Databrain.Samples.DesiredState", "bin", configuration, "net10.0", "Databrain.Samples.DesiredState.dll");
        File.Exists(path).Should().BeTrue($"the sample is built with the tests ({path})");
        return path;
    }
}
