using System.Diagnostics;
using System.Reflection;

namespace Databrain.Client.Tests.Samples;

/// <summary>
/// The quickstart against a real server (DATABRAIN_BASE_URL set) without the variables it needs says which are
/// missing and exits with 2, sending nothing, instead of crashing. Runs the built sample as a process.
/// </summary>
public sealed class QuickstartTests
{
    private static readonly string[] Variables =
        ["DATABRAIN_BASE_URL", "DATABRAIN_SERVICE_TOKEN", "QUICKSTART_PG_PASSWORD", "QUICKSTART_SNOWFLAKE_PASSWORD"];

    [Fact]
    public async Task AgainstAServer_WithoutTokenOrPasswords_Exits2NamingEachMissingVariable()
    {
        var (exitCode, stdout, stderr) = await RunAsync(new() { ["DATABRAIN_BASE_URL"] = ClosedPortUrl() });

        exitCode.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Be(
            "error: DATABRAIN_BASE_URL is set, so the quickstart runs against that server, and then it also needs " +
            "DATABRAIN_SERVICE_TOKEN, QUICKSTART_PG_PASSWORD, QUICKSTART_SNOWFLAKE_PASSWORD. Set them (the two passwords are those of the " +
            "demo PostgreSQL and Snowflake databases, which DataBrain connects to), or unset DATABRAIN_BASE_URL to run against the " +
            "embedded emulator. Nothing was sent.\n");
    }

    [Fact]
    public async Task AgainstAServer_WithTheTokenButNoSnowflakePassword_NamesOnlyThatOne()
    {
        var (exitCode, _, stderr) = await RunAsync(new()
        {
            ["DATABRAIN_BASE_URL"] = ClosedPortUrl(),
            ["DATABRAIN_SERVICE_TOKEN"] = "token-1",
            ["QUICKSTART_PG_PASSWORD"] = "pg-password-1",
        });

        exitCode.Should().Be(2);
        stderr.Should().StartWith("error: DATABRAIN_BASE_URL is set, so the quickstart runs against that server, and then it also needs QUICKSTART_SNOWFLAKE_PASSWORD. ");
        stderr.Should().NotContain("token-1").And.NotContain("pg-password-1");
    }

    [Fact]
    public async Task BaseUrlThatIsNotAUrl_Exits2()
    {
        var (exitCode, stdout, stderr) = await RunAsync(new()
        {
            ["DATABRAIN_BASE_URL"] = "not a url",
            ["DATABRAIN_SERVICE_TOKEN"] = "token-1",
            ["QUICKSTART_PG_PASSWORD"] = "pg-password-1",
            ["QUICKSTART_SNOWFLAKE_PASSWORD"] = "snowflake-password-1",
        });

        exitCode.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Be("error: DATABRAIN_BASE_URL 'not a url' is not an absolute URL (for example https://api.usedatabrain.com). Nothing was sent.\n");
    }

    private static string ClosedPortUrl() => $"http://127.0.0.1:{Ports.Closed()}/";

    /// <summary>Runs the quickstart with exactly these of its variables set (the rest removed from the inherited environment).</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(Dictionary<string, string> variables)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(QuickstartAssembly());
        foreach (var variable in Variables)
        {
            start.Environment.Remove(variable);
        }

        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout).ReplaceLineEndings("\n"), (await stderr).ReplaceLineEndings("\n"));
    }

    // Built with this project (a ProjectReference that references no assembly), in the same configuration.
    private static string QuickstartAssembly()
    {
        var configuration = typeof(QuickstartTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var path = Path.Combine(
            RepositoryFiles.Root, "samples", "Databrain.Samples.Quickstart", "bin", configuration, "net10.0", "Databrain.Samples.Quickstart.dll");
        File.Exists(path).Should().BeTrue($"the quickstart is built with the tests ({path})");
        return path;
    }
}
