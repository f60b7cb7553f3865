using Databrain.Cli.Tests.Support;
using Databrain.Emulator;

namespace Databrain.Cli.Tests;

public sealed class CreateAndUpdateTests : EmulatorTestBase
{
    [Fact]
    public async Task Create_FromFile_SendsTheCredentialsAndPrintsTheName()
    {
        var result = await RunAsync("datasource", "create", "--type", "postgres", "--credentials", Files.File("pg.json", Samples.Postgres()));

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Equal("created: production-postgres");
        result.Stderr.Should().BeEmpty();
        var stored = Emulator.FindDatasource("production-postgres")!;
        stored.DatasourceType.Should().Be("postgres");
        JsonAssert.Equivalent(Samples.Postgres(), stored.Credentials.GetRawText());
        stored.TenancySettings.Should().BeNull();
    }

    [Fact]
    public async Task Create_WithCredentialsFromStandardInput_ReadsThemFromStdin()
    {
        var result = await RunWithStdinAsync(Samples.Postgres("from-stdin"), "datasource", "create", "--type", "postgres", "--credentials", "-");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Equal("created: from-stdin");
        result.Stderr.Should().BeEmpty();
        JsonAssert.Equivalent(Samples.Postgres("from-stdin"), Emulator.FindDatasource("from-stdin")!.Credentials.GetRawText());
    }

    [Fact]
    public async Task Create_WithTenancyFile_SendsTheTenancySettings()
    {
        var result = await RunAsync(
            "datasource", "create", "--type", "postgres",
            "--credentials", Files.File("pg.json", Samples.Postgres()),
            "--tenancy", Files.File("tenancy.json", Samples.TableTenancy));

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Equal("created: production-postgres");
        JsonAssert.Equivalent(Samples.TableTenancy, Emulator.FindDatasource("production-postgres")!.TenancySettings!.Value.GetRawText());
    }

    [Fact]
    public async Task Create_WithOutputJson_PrintsOneJsonObject()
    {
        var result = await RunAsync("datasource", "create", "--type", "postgres", "--credentials", Files.File("pg.json", Samples.Postgres()), "--output", "json");

        result.ExitCode.Should().Be(0);
        result.Stdout.Select(RequestIdField.Strip).Should().Equal("""{"name":"production-postgres"}""");
        result.Stderr.Should().BeEmpty();
    }

    public static TheoryData<string> EveryDocumentedType => [.. CredentialSamples.FullKeys];

    [Theory]
    [MemberData(nameof(EveryDocumentedType))]
    public async Task Create_AnyDocumentedType_SendsItsWireCredentialsUnchanged(string sample)
    {
        var json = CredentialSamples.Json(sample);
        var type = CredentialSamples.TypeOf(sample).Value;
        var name = CredentialSamples.Create(sample).Name;

        var result = await RunWithStdinAsync(json, "datasource", "create", "--type", type, "--credentials", "-");

        result.ExitCode.Should().Be(0, result.AllOutput);
        result.Stdout.Should().Equal($"created: {name}");
        result.Stderr.Should().BeEmpty();
        var stored = Emulator.FindDatasource(name)!;
        stored.DatasourceType.Should().Be(type);
        JsonAssert.Equivalent(json, stored.Credentials.GetRawText());
    }

    [Fact]
    public async Task Create_WhenTheNameExists_Exits5WithTheServersCode()
    {
        await CreatePostgresAsync("production-postgres");

        var result = await RunAsync("datasource", "create", "--type", "postgres", "--credentials", Files.File("again.json", Samples.Postgres()));

        result.ShouldBeEmulatorError(5, "error: DATASOURCE_NAME_ERROR: A datasource with this name already exists.", 400);
    }

    [Fact]
    public async Task Create_WhenTheConnectionTestFails_Exits6()
    {
        Emulator.SetConnectionProbe("postgres", ConnectionProbeMode.Reject);

        var result = await RunAsync("datasource", "create", "--type", "postgres", "--credentials", Files.File("pg.json", Samples.Postgres()));

        result.ShouldBeEmulatorError(6, "error: CREDENTIAL_TEST_FAILED: Credential test failed: the emulator is configured to reject connections for this datasource type.", 400);
        Emulator.Datasources.Should().BeEmpty();
    }

    [Fact]
    public async Task Create_WithInvalidCredentialsAndTenancy_Exits2ListingEveryProblemAndSendsNothing()
    {
        const string credentials = """{"name": "pg", "host": "db.example.com", "port": 70000, "password": "hunter2-secret"}""";
        const string tenancy = """{"tenancyLevel": "ROW", "clientColumnType": 5, "tableNmae": "clients"}""";

        var result = await RunAsync(
            "datasource", "create", "--type", "postgres",
            "--credentials", Files.File("bad.json", credentials),
            "--tenancy", Files.File("tenancy.json", tenancy));

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Equal(
            "error: VALIDATION_ERROR: the request is invalid (7 problems); nothing was sent.",
            "  credentials.username: is required.",
            "  credentials.database: is required.",
            "  credentials.schema: is required.",
            "  credentials.port: must be a port number from 1 to 65535.",
            "  tenancySettings.tenancyLevel: must be one of \"TABLE\", \"DATABASE\".",
            "  tenancySettings.clientColumnType: must be one of \"NUMBER\", \"STRING\".",
            "  tenancySettings.tableNmae: is not a tenancySettings field.");
        Emulator.Datasources.Should().BeEmpty();
    }

    [Fact]
    public async Task Create_WithCredentialsThatAreNotJson_Exits2WithInputError()
    {
        var result = await RunWithStdinAsync("name=pg", "datasource", "create", "--type", "postgres", "--credentials", "-");

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Equal("error: INPUT_ERROR: --credentials (standard input) is not valid JSON at line 1, column 2.");
        Emulator.Datasources.Should().BeEmpty();
    }

    [Fact]
    public async Task Create_WithTenancyThatIsNotJson_Exits2NamingWhere()
    {
        var tenancy = Files.File("tenancy.json", "{\"tenancyLevel\": \"TABLE\",\n");

        var result = await RunAsync(
            "datasource", "create", "--type", "postgres",
            "--credentials", Files.File("pg.json", Samples.Postgres()),
            "--tenancy", tenancy);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal(
            $"error: INPUT_ERROR: --tenancy file '{tenancy}' is not valid JSON at line 2, column 1: it ends before the JSON is complete.");
        Emulator.Datasources.Should().BeEmpty();
    }

    [Fact]
    public async Task Create_WithDatabaseTenancy_NeedsNothingElse()
    {
        var result = await RunAsync(
            "datasource", "create", "--type", "postgres",
            "--credentials", Files.File("pg.json", Samples.Postgres()),
            "--tenancy", Files.File("tenancy.json", """{"tenancyLevel": "DATABASE", "clientColumnType": null}"""));

        result.ExitCode.Should().Be(0, result.AllOutput);
        JsonAssert.Equivalent("""{"tenancyLevel": "DATABASE"}""", Emulator.FindDatasource("production-postgres")!.TenancySettings!.Value.GetRawText());
    }

    [Fact]
    public async Task Create_WithTableTenancyAndNoMappingTable_Exits2FromTheSdksRules()
    {
        var result = await RunAsync(
            "datasource", "create", "--type", "postgres",
            "--credentials", Files.File("pg.json", Samples.Postgres()),
            "--tenancy", Files.File("tenancy.json", """{"tenancyLevel": "TABLE"}"""));

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Equal(
            "error: VALIDATION_ERROR: the request is invalid (5 problems); nothing was sent.",
            "  tenancySettings.clientColumnType: is required when tenancyLevel is \"TABLE\".",
            "  tenancySettings.schemaName: is required, and must not be empty or white space, when tenancyLevel is \"TABLE\".",
            "  tenancySettings.tableName: is required, and must not be empty or white space, when tenancyLevel is \"TABLE\".",
            "  tenancySettings.tableClientNameColumn: is required, and must not be empty or white space, when tenancyLevel is \"TABLE\".",
            "  tenancySettings.tablePrimaryKeyColumn: is required, and must not be empty or white space, when tenancyLevel is \"TABLE\".");
        Emulator.Datasources.Should().BeEmpty();
    }

    [Fact]
    public async Task Create_WhenTheCredentialsFileIsMissing_Exits2WithInputError()
    {
        var missing = Path.Combine(Files.Path, "missing.json");

        var result = await RunAsync("datasource", "create", "--type", "postgres", "--credentials", missing);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Equal($"error: INPUT_ERROR: cannot read --credentials file '{missing}': Could not find file '{missing}'.");
    }

    [Fact]
    public async Task Update_ExistingDatasource_ReplacesItsCredentials()
    {
        await CreatePostgresAsync("production-postgres");

        var result = await RunWithStdinAsync(
            Samples.Postgres(password: "rotated-password"), "datasource", "update", "--type", "postgres", "--credentials", "-");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Equal("updated: production-postgres");
        result.Stderr.Should().BeEmpty();
        Emulator.FindDatasource("production-postgres")!.Credentials.GetProperty("password").GetString().Should().Be("rotated-password");
    }

    [Fact]
    public async Task Update_WhenNoDatasourceHasTheName_Exits4()
    {
        var result = await RunAsync("datasource", "update", "--type", "postgres", "--credentials", Files.File("pg.json", Samples.Postgres()));

        result.ShouldBeEmulatorError(4, "error: DATASOURCE_NAME_ERROR: No datasource has this name.", 400);
    }

    [Fact]
    public async Task Update_WithOutputJson_PrintsTheName()
    {
        await CreatePostgresAsync("production-postgres");

        var result = await RunAsync("-o", "json", "datasource", "update", "--type", "postgres", "--credentials", Files.File("pg2.json", Samples.Postgres()));

        result.ExitCode.Should().Be(0);
        result.Stdout.Select(RequestIdField.Strip).Should().Equal("""{"name":"production-postgres"}""");
    }
}
