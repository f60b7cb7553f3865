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

    public static PostgresSettings FromEnvironment()
    {
        var missing = Variables.Where(name => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name))).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                "The PostgreSQL tests need a provisioned local server, but these environment variables are not set: "
                + string.Join(", ", missing)
                + $". From the repository root, as root, run: {ProvisionCommand} (then run the tests from that shell). "
                + ".ci/run does this itself.");
        }

        return new PostgresSettings(
            Environment.GetEnvironmentVariable("DATABRAIN_TEST_PG_HOST")!,
            int.Parse(Environment.GetEnvironmentVariable("DATABRAIN_TEST_PG_PORT")!, CultureInfo.InvariantCulture),
            Environment.GetEnvironmentVariable("DATABRAIN_TEST_PG_USER")!,
            Environment.GetEnvironmentVariable("DATABRAIN_TEST_PG_PASSWORD")!,
            Environment.GetEnvironmentVariable("DATABRAIN_TEST_PG_DATABASE")!,
            Environment.GetEnvironmentVariable("DATABRAIN_TEST_PG_SCHEMA")!);
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
