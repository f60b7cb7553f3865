using System.Globalization;
using System.Text.Json.Nodes;

namespace Databrain.Emulator.Tests.Infrastructure;

/// <summary>
/// The local PostgreSQL server provisioned by <c>.ci/postgres-setup.sh</c>, read from the environment.
/// Absent settings are an error, never a reason to skip: these tests must run.
/// </summary>
public sealed record PostgresSettings(string Host, int Port, string User, string Password, string Database, string Schema)
{
    public const string ProvisionCommand = "source .ci/postgres-setup.sh";

    private static readonly string[] Variables =
    [
        "DATABRAIN_TEST_PG_HOST", "DATABRAIN_TEST_PG_PORT", "DATABRAIN_TEST_PG_USER",
        "DATABRAIN_TEST_PG_PASSWORD", "DATABRAIN_TEST_PG_DATABASE", "DATABRAIN_TEST_PG_SCHEMA",
    ];

    // Provisioned once per test process, so `dotnet test` alone works on a fresh machine (as root).
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Provisioned = new(Provision);

    public static PostgresSettings FromEnvironment()
    {
        var values = Variables.All(name => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
            ? Variables.ToDictionary(name => name, name => Environment.GetEnvironmentVariable(name)!)
            : Provisioned.Value;

        var missing = Variables.Where(name => !values.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                "The PostgreSQL tests need a provisioned local server, but these environment variables are not set: "
                + string.Join(", ", missing)
                + $" (and provisioning it from the tests failed). From the repository root, as root, run: {ProvisionCommand} "
                + "(then run the tests from that shell). .ci/run does this itself.");
        }

        return new PostgresSettings(
            values["DATABRAIN_TEST_PG_HOST"],
            int.Parse(values["DATABRAIN_TEST_PG_PORT"], CultureInfo.InvariantCulture),
            values["DATABRAIN_TEST_PG_USER"],
            values["DATABRAIN_TEST_PG_PASSWORD"],
            values["DATABRAIN_TEST_PG_DATABASE"],
            values["DATABRAIN_TEST_PG_SCHEMA"]);
    }

    // Runs .ci/postgres-setup.sh (idempotent; installs and starts PostgreSQL if needed) under a lock, since
    // test projects run in parallel, and reads back the variables it exports. Empty when it cannot run.
    private static IReadOnlyDictionary<string, string> Provision()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, ".ci", "postgres-setup.sh")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            return new Dictionary<string, string>();
        }

        var start = new System.Diagnostics.ProcessStartInfo("flock")
        {
            WorkingDirectory = directory.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--close", "/tmp/databrain-postgres-setup.lock", "bash", "-c", "source .ci/postgres-setup.sh >/dev/null 2>&1 && env | grep '^DATABRAIN_TEST_PG_'" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('=', 2))
                .Where(pair => pair.Length == 2 && Variables.Contains(pair[0]))
                .ToDictionary(pair => pair[0], pair => pair[1]);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new Dictionary<string, string>();
        }
    }

    /// <summary>A create/update body for these settings.</summary>
    public JsonObject Body(string type, string name, Action<JsonObject>? change = null)
    {
        var credentials = new JsonObject
        {
            ["name"] = name,
            ["host"] = Host,
            ["port"] = Port,
            ["username"] = User,
            ["password"] = Password,
            ["database"] = Database,
            ["schema"] = Schema,
            ["sslMode"] = false,
        };
        change?.Invoke(credentials);
        return new JsonObject { ["datasourceType"] = type, ["credentials"] = credentials };
    }

    public override string ToString() => $"PostgresSettings {{ {User}@{Host}:{Port}/{Database} schema {Schema} }}";
}
