using System.Text.Json;
using Databrain.Client.Models;

namespace Databrain.Client.Tests.Validation;

public class DatasourceValidatorTests
{
    private const string Blank = "is required and must not be empty or white space.";
    private const string PortRange = "must be a port number from 1 to 65535.";
    private const string WhenSsh = "when sshTunnel is \"enable\"";
    private const string WhenTable = "when tenancyLevel is \"TABLE\"";

    public static TheoryData<string, string, string?> RequiredStringCases()
    {
        var data = new TheoryData<string, string, string?>();
        foreach (var key in CredentialSamples.FullKeys)
        {
            var type = CredentialSamples.Create(key).GetType();
            foreach (var property in CredentialReflection.WireProperties(type).Where(p => p.PropertyType == typeof(string) && CredentialReflection.IsRequiredMember(p)))
            {
                foreach (var blank in new[] { null, "", " \t " })
                {
                    data.Add(key, CredentialReflection.WireName(property)!, blank);
                }
            }
        }

        return data;
    }

    public static TheoryData<string, int> PortCases(int[] ports)
    {
        var data = new TheoryData<string, int>();
        foreach (var key in CredentialSamples.FullKeys.Where(k => CredentialReflection.WireProperties(CredentialSamples.Create(k).GetType()).Any(p => CredentialReflection.WireName(p) == "port")))
        {
            foreach (var port in ports)
            {
                data.Add(key, port);
            }
        }

        return data;
    }

    public static TheoryData<string, int> InvalidPorts => PortCases([0, 65536, -1, int.MinValue, int.MaxValue]);

    public static TheoryData<string, int> BoundaryPorts => PortCases([1, 65535]);

    [Theory]
    [MemberData(nameof(CredentialSamples.Keys), MemberType = typeof(CredentialSamples))]
    public void Validate_WhenTheSampleIsValid_ReportsNothing(string key)
    {
        DatasourceValidator.Validate(CredentialSamples.Create(key)).Should().BeEmpty();
    }

    [Fact]
    public void RequiredStringCases_CoverEveryTypeAndNameAndTheSpecsRequiredFields()
    {
        var cases = RequiredStringCases().Select(row => ((string)row[0], (string)row[1])).Distinct().ToList();

        cases.Select(c => c.Item1).Distinct().Should().HaveCount(17);
        cases.Should().Contain([("snowflake/full", "name"), ("mssql/full", "server"), ("bigquery/full", "credentials_json"), ("athena/full", "s3AccessKeyId")]);
        cases.Should().NotContain([("csv/full", "datasetPath"), ("snowflake/full", "password"), ("trino/full", "sshHost")]);
    }

    [Theory]
    [MemberData(nameof(RequiredStringCases))]
    public void Validate_WhenARequiredStringIsNullEmptyOrWhiteSpace_ReportsExactlyThatField(string key, string wireName, string? blank)
    {
        var credentials = CredentialReflection.Set(CredentialSamples.Create(key), wireName, blank);

        DatasourceValidator.Validate(credentials).Should().Equal(new ValidationProblem($"credentials.{wireName}", Blank));
    }

    [Theory]
    [MemberData(nameof(InvalidPorts))]
    public void Validate_WhenPortIsOutside1To65535_ReportsPort(string key, int port)
    {
        var credentials = CredentialReflection.Set(CredentialSamples.Create(key), "port", port);

        DatasourceValidator.Validate(credentials).Should().Equal(new ValidationProblem("credentials.port", PortRange));
    }

    [Theory]
    [MemberData(nameof(BoundaryPorts))]
    public void Validate_WhenPortIs1Or65535_ReportsNothing(string key, int port)
    {
        var credentials = CredentialReflection.Set(CredentialSamples.Create(key), "port", port);

        DatasourceValidator.Validate(credentials).Should().BeEmpty();
    }

    [Fact]
    public void Validate_WhenPortIs65536_ReportsPort()
    {
        var credentials = (PostgresCredentials)CredentialSamples.Create("postgres/minimal") with { Port = 65536 };

        DatasourceValidator.Validate(credentials).Should().Equal(new ValidationProblem("credentials.port", PortRange));
    }

    [Fact]
    public void Validate_WhenPortIs0_ReportsPort()
    {
        var credentials = (MsSqlCredentials)CredentialSamples.Create("mssql/minimal") with { Port = 0 };

        DatasourceValidator.Validate(credentials).Should().Equal(new ValidationProblem("credentials.port", PortRange));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_WhenSnowflakeUsesAPasswordWithoutOne_ReportsPassword(string? password)
    {
        var credentials = Snowflake(SnowflakeAuthMethod.UsernamePassword, password, privateKey: null);

        DatasourceValidator.Validate(credentials).Should().Equal(new ValidationProblem(
            "credentials.password", "is required, and must not be empty or white space, when credentials is \"username/password\"."));
    }

    [Fact]
    public void Validate_WhenSnowflakeUsesAPasswordWithoutAPrivateKey_ReportsNothing()
    {
        DatasourceValidator.Validate(Snowflake(SnowflakeAuthMethod.UsernamePassword, "pw", privateKey: null)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_WhenSnowflakeUsesAKeyPairWithoutAPrivateKey_ReportsPrivateKey(string? privateKey)
    {
        var credentials = Snowflake(SnowflakeAuthMethod.KeyPair, password: null, privateKey);

        DatasourceValidator.Validate(credentials).Should().Equal(new ValidationProblem(
            "credentials.privateKey", "is required, and must not be empty or white space, when credentials is \"Key-pair authentication\"."));
    }

    [Fact]
    public void Validate_WhenSnowflakeUsesAKeyPairWithoutAPassword_ReportsNothing()
    {
        DatasourceValidator.Validate(Snowflake(SnowflakeAuthMethod.KeyPair, password: null, "key")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("elasticsearch", SearchServerType.ElasticCloud)]
    [InlineData("elasticsearch", SearchServerType.OpenCloud)]
    [InlineData("opensearch", SearchServerType.ElasticCloud)]
    [InlineData("opensearch", SearchServerType.OpenCloud)]
    public void Validate_WhenASearchServerIsInTheCloudWithoutCloudId_ReportsCloudId(string type, SearchServerType serverType)
    {
        var credentials = Search(type, serverType, cloudId: " ", serverUrl: null);

        DatasourceValidator.Validate(credentials).Should().Equal(new ValidationProblem(
            "credentials.cloud_id", "is required, and must not be empty or white space, when server_type is \"elastic-cloud\" or \"open-cloud\"."));
    }

    [Theory]
    [InlineData("elasticsearch", SearchServerType.ElasticCloud)]
    [InlineData("opensearch", SearchServerType.OpenCloud)]
    public void Validate_WhenASearchServerIsInTheCloudWithoutServerUrl_ReportsNothing(string type, SearchServerType serverType)
    {
        DatasourceValidator.Validate(Search(type, serverType, cloudId: "id", serverUrl: null)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("elasticsearch", null)]
    [InlineData("opensearch", "")]
    public void Validate_WhenASearchServerIsSelfManagedWithoutServerUrl_ReportsServerUrl(string type, string? serverUrl)
    {
        var credentials = Search(type, SearchServerType.SelfManaged, cloudId: "id", serverUrl);

        DatasourceValidator.Validate(credentials).Should().Equal(new ValidationProblem(
            "credentials.server_url", "is required, and must not be empty or white space, when server_type is \"self-managed\"."));
    }

    [Theory]
    [InlineData("elasticsearch")]
    [InlineData("opensearch")]
    public void Validate_WhenASearchServerIsSelfManagedWithoutCloudId_ReportsNothing(string type)
    {
        DatasourceValidator.Validate(Search(type, SearchServerType.SelfManaged, cloudId: null, serverUrl: "https://es")).Should().BeEmpty();
    }

    [Fact]
    public void Validate_WhenTheTrinoTunnelIsEnabledWithoutSshFields_ReportsAllFour()
    {
        var credentials = Trino() with { SshTunnel = SshTunnel.Enable };

        DatasourceValidator.Validate(credentials).Should().Equal(
            new ValidationProblem("credentials.sshHost", $"is required, and must not be empty or white space, {WhenSsh}."),
            new ValidationProblem("credentials.sshPort", $"is required {WhenSsh}."),
            new ValidationProblem("credentials.sshUsername", $"is required, and must not be empty or white space, {WhenSsh}."),
            new ValidationProblem("credentials.sshPrivateKey", $"is required, and must not be empty or white space, {WhenSsh}."));
    }

    [Fact]
    public void Validate_WhenTheTrinoTunnelIsEnabledWithBlankSshStrings_ReportsThem()
    {
        var credentials = Trino() with { SshTunnel = SshTunnel.Enable, SshHost = "", SshPort = 22, SshUsername = " ", SshPrivateKey = "k" };

        DatasourceValidator.Validate(credentials).Select(p => p.Field).Should().Equal("credentials.sshHost", "credentials.sshUsername");
    }

    [Theory]
    [InlineData(SshTunnel.Disable)]
    [InlineData(null)]
    public void Validate_WhenTheTrinoTunnelIsNotEnabledWithoutSshFields_ReportsNothing(SshTunnel? tunnel)
    {
        DatasourceValidator.Validate(Trino() with { SshTunnel = tunnel }).Should().BeEmpty();
    }

    [Theory]
    [InlineData(SshTunnel.Enable, 0)]
    [InlineData(SshTunnel.Enable, 65536)]
    [InlineData(SshTunnel.Disable, 70000)]
    [InlineData(null, -22)]
    public void Validate_WhenTheTrinoSshPortIsSetOutside1To65535_ReportsSshPort(SshTunnel? tunnel, int sshPort)
    {
        var credentials = (TrinoCredentials)CredentialSamples.Create("trino/full") with { SshTunnel = tunnel, SshPort = sshPort };

        DatasourceValidator.Validate(credentials).Should().Equal(new ValidationProblem("credentials.sshPort", PortRange));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(65535)]
    public void Validate_WhenTheTrinoSshPortIs1Or65535_ReportsNothing(int sshPort)
    {
        var credentials = (TrinoCredentials)CredentialSamples.Create("trino/full") with { SshPort = sshPort };

        DatasourceValidator.Validate(credentials).Should().BeEmpty();
    }

    [Theory]
    [InlineData("csv/full", "")]
    [InlineData("csv/full", null)]
    [InlineData("awss3/full", "")]
    [InlineData("awss3/full", " ")]
    [InlineData("awss3/minimal", null)]
    public void Validate_WhenTheS3DatasetPathIsEmptyOrAbsent_ReportsNothing(string key, string? datasetPath)
    {
        var credentials = (S3BucketCredentials)CredentialSamples.Create(key) with { DatasetPath = datasetPath };

        DatasourceValidator.Validate(credentials).Should().BeEmpty();
    }

    public static TheoryData<string> UndefinedEnumCases => [.. UndefinedEnums.Keys];

    private static readonly Dictionary<string, (Func<DatasourceCredentials> Create, string Field, string Allowed)> UndefinedEnums = new()
    {
        ["postgres sshTunnel"] = (() => (PostgresCredentials)CredentialSamples.Create("postgres/full") with { SshTunnel = (SshTunnel)42 }, "sshTunnel", "\"enable\", \"disable\""),
        ["redshift sshTunnel"] = (() => (RedshiftCredentials)CredentialSamples.Create("redshift/minimal") with { SshTunnel = (SshTunnel)42 }, "sshTunnel", "\"enable\", \"disable\""),
        ["trino sshTunnel"] = (() => Trino() with { SshTunnel = (SshTunnel)42 }, "sshTunnel", "\"enable\", \"disable\""),
        ["snowflake credentials"] = (() => Snowflake((SnowflakeAuthMethod)42, "pw", "key"), "credentials", "\"username/password\", \"Key-pair authentication\""),
        ["elasticsearch server_type"] = (() => Search("elasticsearch", (SearchServerType)42, "id", "url"), "server_type", "\"elastic-cloud\", \"open-cloud\", \"self-managed\""),
        ["opensearch server_type"] = (() => Search("opensearch", (SearchServerType)42, null, null), "server_type", "\"elastic-cloud\", \"open-cloud\", \"self-managed\""),
        ["csv tableLevel"] = (() => (CsvCredentials)CredentialSamples.Create("csv/full") with { TableLevel = (TableLevel)42 }, "tableLevel", "\"File\", \"Folder\""),
        ["awss3 tableLevel"] = (() => (AwsS3Credentials)CredentialSamples.Create("awss3/minimal") with { TableLevel = (TableLevel)42 }, "tableLevel", "\"File\", \"Folder\""),
    };

    [Theory]
    [MemberData(nameof(UndefinedEnumCases))]
    public void Validate_WhenAnEnumValueIsNotADefinedMember_ReportsThatField(string caseName)
    {
        var (create, field, allowed) = UndefinedEnums[caseName];

        var problems = DatasourceValidator.Validate(create());

        problems.Should().Equal(new ValidationProblem($"credentials.{field}", $"is not a defined value; expected one of {allowed}."));
        problems[0].Message.Should().NotContain("42");
    }

    [Fact]
    public void Validate_WhenCustomCredentialsHaveANameAndAType_ReportsNothing()
    {
        var credentials = new CustomCredentials("cockroachdb") { Name = "crdb", Fields = { ["port"] = JsonDocument.Parse("\"\"").RootElement.Clone() } };

        DatasourceValidator.Validate(credentials).Should().BeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\t")]
    public void Validate_WhenCustomCredentialsHaveABlankName_ReportsName(string? name)
    {
        DatasourceValidator.Validate(new CustomCredentials("cockroachdb") { Name = name! }).Should().Equal(new ValidationProblem("credentials.name", Blank));
    }

    [Fact]
    public void Validate_WhenCustomCredentialsHaveNoType_ReportsDatasourceTypeAndName()
    {
        DatasourceValidator.Validate(new CustomCredentials(default) { Name = " " }).Should().Equal(
            new ValidationProblem("datasourceType", Blank),
            new ValidationProblem("credentials.name", Blank));
    }

    [Fact]
    public void Validate_WhenTableTenancyIsComplete_ReportsNothing()
    {
        DatasourceValidator.Validate(CredentialSamples.Create("mysql/full"), TenancySamples.Table()).Should().BeEmpty();
    }

    [Fact]
    public void Validate_WhenTableTenancyHasOnlyItsLevel_ReportsTheColumnTypeAndTheFourTableFields()
    {
        var tenancy = new TenancySettings { TenancyLevel = TenancyLevel.Table };

        DatasourceValidator.Validate(CredentialSamples.Create("mysql/full"), tenancy).Should().Equal(
            new ValidationProblem("tenancySettings.clientColumnType", $"is required {WhenTable}."),
            new ValidationProblem("tenancySettings.schemaName", $"is required, and must not be empty or white space, {WhenTable}."),
            new ValidationProblem("tenancySettings.tableName", $"is required, and must not be empty or white space, {WhenTable}."),
            new ValidationProblem("tenancySettings.tableClientNameColumn", $"is required, and must not be empty or white space, {WhenTable}."),
            new ValidationProblem("tenancySettings.tablePrimaryKeyColumn", $"is required, and must not be empty or white space, {WhenTable}."));
    }

    [Theory]
    [InlineData("schemaName")]
    [InlineData("tableName")]
    [InlineData("tableClientNameColumn")]
    [InlineData("tablePrimaryKeyColumn")]
    public void Validate_WhenOneTableTenancyFieldIsBlank_ReportsThatField(string wireName)
    {
        var tenancy = wireName switch
        {
            "schemaName" => TenancySamples.Table() with { SchemaName = " " },
            "tableName" => TenancySamples.Table() with { TableName = "" },
            "tableClientNameColumn" => TenancySamples.Table() with { TableClientNameColumn = null },
            _ => TenancySamples.Table() with { TablePrimaryKeyColumn = "\n" },
        };

        DatasourceValidator.Validate(CredentialSamples.Create("mysql/full"), tenancy).Should().Equal(
            new ValidationProblem($"tenancySettings.{wireName}", $"is required, and must not be empty or white space, {WhenTable}."));
    }

    [Fact]
    public void Validate_WhenDatabaseTenancyHasOnlyItsLevel_ReportsNothing()
    {
        DatasourceValidator.Validate(CredentialSamples.Create("mysql/full"), new TenancySettings { TenancyLevel = TenancyLevel.Database })
            .Should().BeEmpty();
    }

    [Fact]
    public void Validate_WhenTheTenancyLevelIsNotDefined_ReportsItAndRequiresNothingElse()
    {
        var tenancy = new TenancySettings { TenancyLevel = (TenancyLevel)42 };

        DatasourceValidator.Validate(CredentialSamples.Create("mysql/full"), tenancy).Should().Equal(
            new ValidationProblem("tenancySettings.tenancyLevel", "is not a defined value; expected one of \"TABLE\", \"DATABASE\"."));
    }

    [Theory]
    [InlineData(TenancyLevel.Table)]
    [InlineData(TenancyLevel.Database)]
    public void Validate_WhenTheClientColumnTypeIsNotDefined_ReportsIt(TenancyLevel level)
    {
        var tenancy = TenancySamples.Table() with { TenancyLevel = level, ClientColumnType = (ClientColumnType)42 };

        DatasourceValidator.Validate(CredentialSamples.Create("mysql/full"), tenancy).Should().Equal(
            new ValidationProblem("tenancySettings.clientColumnType", "is not a defined value; expected one of \"NUMBER\", \"STRING\"."));
    }

    [Fact]
    public void Validate_WhenTheCredentialsAreNull_Throws()
    {
        var act = () => DatasourceValidator.Validate(null!);

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("credentials");
    }

    [Fact]
    public void ThrowIfInvalid_WhenValid_DoesNotThrow()
    {
        var act = () => DatasourceValidator.ThrowIfInvalid(CredentialSamples.Create("trino/full"), TenancySamples.Table(), DatabrainOperation.Create);

        act.Should().NotThrow();
    }

    [Fact]
    public void ThrowIfInvalid_WhenSeveralRulesFail_ThrowsOneExceptionListingThemAll()
    {
        var credentials = Trino() with { Host = " ", Port = 0, SshTunnel = SshTunnel.Enable, SshHost = "bastion", SshPort = 22, SshUsername = "u", SshPrivateKey = null };
        var tenancy = new TenancySettings { TenancyLevel = TenancyLevel.Table, ClientColumnType = ClientColumnType.String };

        var act = () => DatasourceValidator.ThrowIfInvalid(credentials, tenancy, DatabrainOperation.Update);

        var exception = act.Should().Throw<DatabrainValidationException>().Which;
        exception.Operation.Should().Be(DatabrainOperation.Update);
        exception.Problems.Select(p => p.Field).Should().Equal(
            "credentials.host", "credentials.port", "credentials.sshPrivateKey",
            "tenancySettings.schemaName", "tenancySettings.tableName", "tenancySettings.tableClientNameColumn", "tenancySettings.tablePrimaryKeyColumn");
        exception.Message.Should().Be(
            "The request is invalid (7 problems): " +
            $"credentials.host: {Blank}; credentials.port: {PortRange}; " +
            $"credentials.sshPrivateKey: is required, and must not be empty or white space, {WhenSsh}.; " +
            $"tenancySettings.schemaName: is required, and must not be empty or white space, {WhenTable}.; " +
            $"tenancySettings.tableName: is required, and must not be empty or white space, {WhenTable}.; " +
            $"tenancySettings.tableClientNameColumn: is required, and must not be empty or white space, {WhenTable}.; " +
            $"tenancySettings.tablePrimaryKeyColumn: is required, and must not be empty or white space, {WhenTable}.");
    }

    [Fact]
    public void ThrowIfInvalid_WhenInvalid_NeverShowsAnyValue()
    {
        var credentials = new TrinoCredentials
        {
            Name = "<name-value>", Host = "<host-value>", Port = 70001, Catalog = "<catalog-value>", Schema = "<schema-value>",
            Username = "<user-value>", Password = "<password-value>", SshTunnel = (SshTunnel)4242, SshHost = "<ssh-host-value>",
            SshPort = 99999, SshUsername = "<ssh-user-value>", SshPrivateKey = "<ssh-key-value>",
        };
        var tenancy = new TenancySettings { TenancyLevel = (TenancyLevel)4343, ClientColumnType = (ClientColumnType)4444, TableName = "<table-value>" };

        var act = () => DatasourceValidator.ThrowIfInvalid(credentials, tenancy, operation: null);

        var exception = act.Should().Throw<DatabrainValidationException>().Which;
        exception.Problems.Should().HaveCount(5);
        var text = exception.Message + string.Join("|", exception.Problems);
        foreach (var value in new[] { "-value>", "70001", "4242", "99999", "4343", "4444" })
        {
            text.Should().NotContain(value);
        }
    }

    private static SnowflakeCredentials Snowflake(SnowflakeAuthMethod method, string? password, string? privateKey) =>
        (SnowflakeCredentials)CredentialSamples.Create("snowflake/full") with { AuthenticationMethod = method, Password = password, PrivateKey = privateKey };

    private static SearchEngineCredentials Search(string type, SearchServerType serverType, string? cloudId, string? serverUrl) =>
        (SearchEngineCredentials)CredentialSamples.Create($"{type}/full") with { ServerType = serverType, CloudId = cloudId, ServerUrl = serverUrl };

    private static TrinoCredentials Trino() => (TrinoCredentials)CredentialSamples.Create("trino/minimal");
}
