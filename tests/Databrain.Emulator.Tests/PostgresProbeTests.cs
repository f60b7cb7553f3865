using System.Text.Json.Nodes;
using Databrain.Emulator.Tests.Infrastructure;

namespace Databrain.Emulator.Tests;

/// <summary>
/// The real PostgreSQL probe against the local server that <c>.ci/postgres-setup.sh</c> provisions
/// (role, database, and schema <c>shop</c> with tables customers, products, orders). Without the
/// server's settings every test here fails with the command to run.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class PostgresProbeTests : EmulatorTestBase
{
    private readonly PostgresSettings _pg = PostgresSettings.FromEnvironment();

    // The default options: postgres and redshift are probed for real.
    protected override DatabrainEmulatorOptions CreateOptions() => new();

    [Fact]
    public async Task CorrectCredentialsCreateTheDatasourceAndCacheTheSchema()
    {
        await (await Client.CreateAsync(_pg.Body("postgres", "shop-db"))).ShouldSucceedAsync();

        var body = await (await Client.GetAsync("_emulator/datasources/shop-db/schema")).ShouldSucceedAsync();

        var tables = body["tables"]!.AsArray();
        tables.Select(Name).Should().Equal("customers", "orders", "products");
        Columns(tables, "customers").Should().Equal(("id", "integer"), ("name", "text"), ("email", "text"));
        Columns(tables, "products").Should().Equal(("id", "integer"), ("title", "text"), ("price", "numeric"));
        Columns(tables, "orders").Should().Equal(
            ("id", "integer"), ("customer_id", "integer"), ("product_id", "integer"), ("ordered_at", "timestamp with time zone"));
        Emulator.FindDatasource("shop-db")!.Schema!.Tables.Should().HaveCount(3);
    }

    [Fact]
    public async Task RedshiftUsesTheSameRealProbe()
    {
        await (await Client.CreateAsync(_pg.Body("redshift", "warehouse"))).ShouldSucceedAsync();
        Emulator.FindDatasource("warehouse")!.Schema!.Tables.Select(t => t.Name).Should().Equal("customers", "orders", "products");
    }

    [Fact]
    public async Task WrongPasswordIsACredentialTestFailureWithoutThePassword()
    {
        var wrong = "wrong-" + Guid.NewGuid().ToString("N");
        var error = await (await Client.CreateAsync(_pg.Body("postgres", "bad-pw", c => c["password"] = wrong)))
            .ShouldFailAsync(400, "CREDENTIAL_TEST_FAILED");

        error.Message.Should().Contain("password authentication failed");
        error.Message.Should().NotContain(wrong).And.NotContain(_pg.Password);
        Emulator.Datasources.Should().BeEmpty();
    }

    [Fact]
    public async Task APasswordTheDriverRepeatsIsScrubbed()
    {
        // The driver's message names the user; a password equal to the user name must still not appear.
        var error = await (await Client.CreateAsync(_pg.Body("postgres", "echo", c => c["password"] = _pg.User)))
            .ShouldFailAsync(400, "CREDENTIAL_TEST_FAILED");

        error.Message.Should().NotContain(_pg.User).And.Contain("***");
    }

    [Fact]
    public async Task ClosedPortIsACredentialTestFailure()
    {
        var error = await (await Client.CreateAsync(_pg.Body("postgres", "closed", c =>
        {
            c["host"] = "127.0.0.1";
            c["port"] = ClosedPort.Find();
        }))).ShouldFailAsync(400, "CREDENTIAL_TEST_FAILED");

        error.Message.Should().NotContain(_pg.Password);
        Emulator.Datasources.Should().BeEmpty();
    }

    [Fact]
    public async Task UnknownDatabaseIsACredentialTestFailure()
    {
        var error = await (await Client.CreateAsync(_pg.Body("postgres", "nodb", c => c["database"] = "no_such_database_xyz")))
            .ShouldFailAsync(400, "CREDENTIAL_TEST_FAILED");
        error.Message.Should().Contain("does not exist").And.NotContain(_pg.Password);
    }

    [Fact]
    public async Task AnUnknownSchemaConnectsWithNoTables()
    {
        await (await Client.CreateAsync(_pg.Body("postgres", "empty", c => c["schema"] = "no_such_schema"))).ShouldSucceedAsync();
        (await (await Client.GetAsync("_emulator/datasources/empty/schema")).ShouldSucceedAsync()).ToJsonString().Should().Be("""{"tables":[]}""");
    }

    [Fact]
    public async Task UpdateIsProbedAgain()
    {
        await (await Client.CreateAsync(_pg.Body("postgres", "shop", c => c["schema"] = "no_such_schema"))).ShouldSucceedAsync();

        await (await Client.UpdateAsync(_pg.Body("postgres", "shop", c => c["password"] = "nope-" + Guid.NewGuid())))
            .ShouldFailAsync(400, "CREDENTIAL_TEST_FAILED");
        Emulator.FindDatasource("shop")!.Credentials.GetProperty("password").GetString().Should().Be(_pg.Password);

        await (await Client.UpdateAsync(_pg.Body("postgres", "shop"))).ShouldSucceedAsync();
        Emulator.FindDatasource("shop")!.Schema!.Tables.Should().HaveCount(3, "the update re-read the schema");
    }

    private static string Name(JsonNode? table) => table!["name"]!.GetValue<string>();

    private static List<(string Name, string Type)> Columns(JsonArray tables, string table) =>
        [.. tables.Single(t => Name(t) == table)!["columns"]!.AsArray()
            .Select(c => (c!["name"]!.GetValue<string>(), c["type"]!.GetValue<string>()))];
}
