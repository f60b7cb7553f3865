using Databrain.Client.DesiredState;
using Databrain.Client.Models;

namespace Databrain.Client.Tests.DesiredState;

public sealed class DefinitionFileTests : IDisposable
{
    private const string FileSecret = "file-secret-Zq8v3Kx1";
    private const string EnvSecret = "env-secret-Wm4t7Hp2";

    // The spec's documented create body, byte for byte, pasted into an array.
    private const string SpecBody =
        """
        {
          "datasourceType": "postgres",
          "credentials": {
            "name": "production-postgres",
            "host": "db.example.com",
            "port": 5432,
            "username": "dbuser",
            "password": "securepassword",
            "database": "analytics",
            "schema": "public"
          }
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("databrain-definitions-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Parse_TheSpecsCreateBodyInAnArray_ReadsIt()
    {
        var definitions = DatasourceDefinitionFile.Parse($"[{SpecBody}]", _directory);

        definitions.Should().ContainSingle();
        definitions[0].Credentials.Should().Be(ApiServer.Postgres());
        definitions[0].TenancySettings.Should().BeNull();
        definitions[0].Name.Should().Be("production-postgres");
    }

    [Fact]
    public void Parse_SeveralTypesWithTenancyAndAnUnknownType_KeepsTheFilesOrder()
    {
        const string json =
            """
            [
              {"datasourceType": "cockroachdb", "credentials": {"name": "crdb", "connectionString": "postgres://u@h/db"}},
              {"datasourceType": "mysql", "credentials": {"name": "shop", "host": "h", "port": 3306, "user": "u", "password": "p"},
               "tenancySettings": {"tenancyLevel": "DATABASE"}},
              {"datasourceType": "postgres", "credentials": {"name": "pg", "host": "h", "port": 5432, "username": "u", "password": "p",
               "database": "d", "schema": "s"}, "tenancySettings": null}
            ]
            """;

        var definitions = DatasourceDefinitionFile.Parse(json, _directory);

        definitions.Select(d => d.ToString()).Should().Equal("crdb (cockroachdb)", "shop (mysql)", "pg (postgres)");
        definitions[0].Credentials.Should().BeOfType<CustomCredentials>().Which.Fields["connectionString"].GetString().Should().Be("postgres://u@h/db");
        definitions[1].TenancySettings.Should().Be(new TenancySettings { TenancyLevel = TenancyLevel.Database });
        definitions[2].TenancySettings.Should().BeNull();
    }

    [Fact]
    public void Parse_AnEmptyArray_GivesNoDefinitions()
    {
        DatasourceDefinitionFile.Parse("[]", _directory).Should().BeEmpty();
    }

    [Fact]
    public void Parse_EnvAndFileReferences_AreResolved()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "secrets"));
        File.WriteAllText(Path.Combine(_directory, "secrets", "mysql.txt"), FileSecret + "\n");
        const string json =
            """
            [
              {"datasourceType": "postgres", "credentials": {"name": "pg", "host": "${env:PG_HOST}", "port": 5432, "username": "u",
               "password": "${env:PG_PASSWORD}", "database": "d", "schema": "s"}},
              {"datasourceType": "mysql", "credentials": {"name": "shop", "host": "h", "port": 3306, "user": "u", "password": "${file:secrets/mysql.txt}"}}
            ]
            """;

        var definitions = DatasourceDefinitionFile.Parse(json, _directory, Environment(("PG_HOST", "db.internal"), ("PG_PASSWORD", EnvSecret)));

        var postgres = definitions[0].Credentials.Should().BeOfType<PostgresCredentials>().Subject;
        postgres.Host.Should().Be("db.internal");
        postgres.Password.Should().Be(EnvSecret);
        definitions[1].Credentials.Should().BeOfType<MySqlCredentials>().Which.Password.Should().Be(FileSecret);
    }

    [Theory]
    [InlineData("line\n", "line")]
    [InlineData("line\r\n", "line")]
    [InlineData("line\n\n", "line\n")]
    [InlineData("line", "line")]
    [InlineData("", "")]
    [InlineData("-----BEGIN KEY-----\nabc\n-----END KEY-----\n", "-----BEGIN KEY-----\nabc\n-----END KEY-----")]
    public void Parse_AFileReference_TrimsOneTrailingLineBreak(string text, string expected)
    {
        File.WriteAllText(Path.Combine(_directory, "value.txt"), text);

        var definitions = DatasourceDefinitionFile.Parse(
            """[{"datasourceType": "csv", "credentials": {"name": "c", "bucketName": "b", "datasetPath": "${file:value.txt}", "s3Region": "us-east-1", "s3AccessKeyId": "k", "s3SecretAccessKey": "s"}}]""",
            _directory);

        definitions[0].Credentials.Should().BeOfType<CsvCredentials>().Which.DatasetPath.Should().Be(expected);
    }

    [Fact]
    public void Parse_AnAbsoluteFileReference_IgnoresTheBaseDirectory()
    {
        var secret = Path.Combine(_directory, "absolute.txt");
        File.WriteAllText(secret, FileSecret);
        var json = $$$"""[{"datasourceType": "databricks", "credentials": {"name": "dbx", "serverHostname": "h", "httpPath": "/p", "token": "${file:{{{secret}}}}"}}]""";

        var definitions = DatasourceDefinitionFile.Parse(json, Path.Combine(_directory, "elsewhere"));

        definitions[0].Credentials.Should().BeOfType<DatabricksCredentials>().Which.Token.Should().Be(FileSecret);
    }

    [Fact]
    public void Parse_DollarDollarBrace_IsALiteralAndAReferenceInsideAStringIsPlainText()
    {
        var definitions = DatasourceDefinitionFile.Parse(
            """[{"datasourceType": "mysql", "credentials": {"name": "m", "host": "pre-${env:HOST}", "port": 3306, "user": "$${env:USER}", "password": "$$${x}"}}]""",
            _directory,
            Environment(("HOST", "resolved"), ("USER", "resolved")));

        var mysql = definitions[0].Credentials.Should().BeOfType<MySqlCredentials>().Subject;
        mysql.Host.Should().Be("pre-${env:HOST}");
        mysql.User.Should().Be("${env:USER}");
        mysql.Password.Should().Be("$${x}");
    }

    [Fact]
    public void Parse_MissingVariableAndFile_NameTheEntryFieldAndReferenceOnly()
    {
        const string json =
            """
            [
              {"datasourceType": "mysql", "credentials": {"name": "ok", "host": "h", "port": 3306, "user": "u", "password": "${env:SET}"}},
              {"datasourceType": "mysql", "credentials": {"name": "m", "host": "h", "port": 3306, "user": "${env:MISSING_USER}",
               "password": "${file:nope/password.txt}"}}
            ]
            """;

        var act = () => DatasourceDefinitionFile.Parse(json, _directory, Environment(("SET", EnvSecret)));

        var exception = act.Should().Throw<DatabrainValidationException>().Which;
        exception.Operation.Should().BeNull();
        exception.Problems.Should().Equal(
            new ValidationProblem("[1].credentials.user", "refers to the environment variable MISSING_USER, which is not set."),
            new ValidationProblem(
                "[1].credentials.password",
                $"refers to the file \"nope/password.txt\" ({Path.Combine(_directory, "nope", "password.txt")}), which does not exist."));
        exception.Message.Should().NotContain(EnvSecret);
    }

    [Theory]
    [InlineData("${vault:pg}")]
    [InlineData("${ENV:PG}")]
    [InlineData("${env:}")]
    [InlineData("${file:}")]
    [InlineData("${}")]
    public void Parse_AValueShapedLikeAnUnknownReference_IsAProblemNotAPassword(string value)
    {
        var json = $$$"""[{"datasourceType": "mysql", "credentials": {"name": "m", "host": "h", "port": 3306, "user": "u", "password": "{{{value}}}"}}]""";

        var act = () => DatasourceDefinitionFile.Parse(json, _directory, Environment(("PG", "x")));

        var exception = act.Should().Throw<DatabrainValidationException>().Which;
        exception.Problems.Should().Equal(new ValidationProblem(
            "[0].credentials.password",
            "is not a reference this file knows: write ${env:NAME} or ${file:PATH}, or start the value with $${ for a literal \"${\"."));
        exception.Message.Should().NotContain(value);
    }

    [Fact]
    public void Parse_ANameThatAppearsTwice_IsAProblemOfTheLaterEntries()
    {
        var json = $"[{SpecBody}, {SpecBody}, {SpecBody.Replace("production-postgres", "Production-postgres")}, {SpecBody}]";

        var act = () => DatasourceDefinitionFile.Parse(json, _directory);

        act.Should().Throw<DatabrainValidationException>().Which.Problems.Should().Equal(
            new ValidationProblem("[1].credentials.name", "is the same as [0].credentials.name; each name must appear once (names are case-sensitive)."),
            new ValidationProblem("[3].credentials.name", "is the same as [0].credentials.name; each name must appear once (names are case-sensitive)."));
    }

    [Fact]
    public void Parse_AnInvalidSet_ReportsEveryProblemOfEveryEntryAtOnce()
    {
        const string json =
            """
            [
              {"datasourceType": "postgress", "credentials": {"name": "a"}},
              {"datasourceType": "postgres", "credentials": {"name": "b", "host": "h", "port": 70000, "user": "u", "password": "p",
               "database": "d", "schema": "s"}, "tenancySettings": {"tenancyLevel": "TABLE"}},
              42,
              {"credential": {"name": "c"}},
              {"datasourceType": 5, "credentials": {"name": "d"}},
              {"datasourceType": "mysql", "credentials": {"name": "a", "host": "h", "port": 3306, "user": "u", "password": "${env:NOPE}"},
               "tenancySettings": {"tenancyLevel": "ROW"}}
            ]
            """;

        var act = () => DatasourceDefinitionFile.Parse(json, _directory, Environment());

        act.Should().Throw<DatabrainValidationException>().Which.Problems.Select(p => p.ToString()).Should().Equal(
            "[0].datasourceType: unknown type \"postgress\"; did you mean \"postgres\"?",
            "[1].credentials.user: not a postgres field; did you mean \"username\"?",
            "[1].credentials.username: is required.",
            "[1].credentials.port: must be a port number from 1 to 65535.",
            "[1].tenancySettings.clientColumnType: is required when tenancyLevel is \"TABLE\".",
            "[1].tenancySettings.schemaName: is required, and must not be empty or white space, when tenancyLevel is \"TABLE\".",
            "[1].tenancySettings.tableName: is required, and must not be empty or white space, when tenancyLevel is \"TABLE\".",
            "[1].tenancySettings.tableClientNameColumn: is required, and must not be empty or white space, when tenancyLevel is \"TABLE\".",
            "[1].tenancySettings.tablePrimaryKeyColumn: is required, and must not be empty or white space, when tenancyLevel is \"TABLE\".",
            "[2]: must be a JSON object: {\"datasourceType\": ..., \"credentials\": {...}}.",
            "[3].credential: not a definition field (datasourceType, credentials, tenancySettings); did you mean \"credentials\"?",
            "[3].datasourceType: is required.",
            "[3].credentials: is required.",
            "[4].datasourceType: must be a JSON string: a documented type such as \"postgres\", or any newer one.",
            "[5].credentials.password: refers to the environment variable NOPE, which is not set.",
            "[5].tenancySettings.tenancyLevel: must be one of \"TABLE\", \"DATABASE\".",
            "[5].credentials.name: is the same as [0].credentials.name; each name must appear once (names are case-sensitive).");
    }

    [Fact]
    public void Parse_TextThatIsNotJson_SaysWhereWithoutQuotingIt()
    {
        var json = "[\n  {\"datasourceType\": \"mysql\", \"credentials\": {\"password\": " + EnvSecret + "}}\n]";

        var act = () => DatasourceDefinitionFile.Parse(json, _directory);

        var exception = act.Should().Throw<DatabrainInvalidJsonException>().Which;
        (exception.LineNumber, exception.Column, exception.IsIncomplete).Should().Be((2, 59, false));
        exception.Message.Should().Be("The definitions file text is not valid JSON at line 2, column 59.");
    }

    [Fact]
    public void Parse_TextThatIsCutOff_PointsAtItsEnd()
    {
        var act = () => DatasourceDefinitionFile.Parse("[\n" + SpecBody, _directory);

        act.Should().Throw<DatabrainInvalidJsonException>().Which.Message.Should().Be(
            "The definitions file text is not valid JSON at line 13, column 2: it ends before the JSON is complete.");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("\"x\"")]
    [InlineData("null")]
    public void Parse_ARootThatIsNotAnArray_IsAProblemOfTheWholeFile(string json)
    {
        var act = () => DatasourceDefinitionFile.Parse(json, _directory);

        act.Should().Throw<DatabrainValidationException>().Which.Problems.Should().Equal(new ValidationProblem(
            "$", "must be a JSON array of definitions: [{\"datasourceType\": ..., \"credentials\": {...}}, ...]."));
    }

    [Fact]
    public void ResolvedSecrets_NeverAppearInProblemsOrToString()
    {
        File.WriteAllText(Path.Combine(_directory, "key.txt"), FileSecret);
        const string json =
            """
            [
              {"datasourceType": "snowflake", "credentials": {"name": "sf", "host": "h", "username": "u", "role": "r", "warehouse": "w",
               "database": "d", "schema": "s", "credentials": "Key-pair authentication", "privateKey": "${file:key.txt}"}},
              {"datasourceType": "cockroachdb", "credentials": {"name": "crdb", "connectionString": "${env:CRDB}"}},
              {"datasourceType": "postgres", "credentials": {"name": "pg", "host": "h", "port": "${env:CRDB}", "username": "u",
               "password": "${file:key.txt}", "database": "d", "schema": "s"}}
            ]
            """;

        var act = () => DatasourceDefinitionFile.Parse(json, _directory, Environment(("CRDB", EnvSecret)));
        var exception = act.Should().Throw<DatabrainValidationException>().Which;
        var definitions = DatasourceDefinitionFile.Parse(json.Replace("\"port\": \"${env:CRDB}\"", "\"port\": 5432"), _directory, Environment(("CRDB", EnvSecret)));

        exception.Problems.Should().Equal(new ValidationProblem("[2].credentials.port", "must be a whole JSON number."));
        var printed = exception.ToString() + string.Join("\n", definitions.Select(d => $"{d} {d.Credentials}"));
        printed.Should().NotContain(FileSecret).And.NotContain(EnvSecret);
        definitions[0].Credentials.Should().BeOfType<SnowflakeCredentials>().Which.PrivateKey.Should().Be(FileSecret);
        definitions[1].Credentials.Should().BeOfType<CustomCredentials>().Which.Fields["connectionString"].GetString().Should().Be(EnvSecret);
    }

    [Fact]
    public async Task LoadAsync_ResolvesFileReferencesAgainstTheFilesFolder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_directory, "deploy")).FullName;
        File.WriteAllText(Path.Combine(folder, "pg.txt"), FileSecret + "\n");
        File.WriteAllText(Path.Combine(folder, "datasources.json"), $"[{SpecBody.Replace("\"securepassword\"", "\"${file:pg.txt}\"")}]");

        var definitions = await DatasourceDefinitionFile.LoadAsync(Path.Combine(folder, "datasources.json"));

        definitions[0].Credentials.Should().Be(ApiServer.Postgres() with { Password = FileSecret });
    }

    [Fact]
    public async Task LoadAsync_WhenTheFileIsMissing_ThrowsAnIOException()
    {
        var act = () => DatasourceDefinitionFile.LoadAsync(Path.Combine(_directory, "missing.json"));

        await act.Should().ThrowAsync<FileNotFoundException>();
    }

    [Fact]
    public void TenancySettingsFromJson_ReportsReadingProblemsAndThenTheRulesBetweenFields()
    {
        using var unreadable = System.Text.Json.JsonDocument.Parse("""{"tenancyLevel": "TABLE", "clientColumnType": 5, "tableNmae": "t"}""");
        using var table = System.Text.Json.JsonDocument.Parse("""{"tenancyLevel": "TABLE", "clientColumnType": "NUMBER", "schemaName": "public"}""");

        var unreadableAct = () => TenancySettings.FromJson(unreadable.RootElement);
        var tableAct = () => TenancySettings.FromJson(table.RootElement);

        unreadableAct.Should().Throw<DatabrainValidationException>().Which.Problems.Select(p => p.ToString()).Should().Equal(
            "tenancySettings.clientColumnType: must be one of \"NUMBER\", \"STRING\".",
            "tenancySettings.tableNmae: is not a tenancySettings field.");
        tableAct.Should().Throw<DatabrainValidationException>().Which.Problems.Select(p => p.Field).Should().Equal(
            "tenancySettings.tableName", "tenancySettings.tableClientNameColumn", "tenancySettings.tablePrimaryKeyColumn");
    }

    [Fact]
    public void FindSecretTexts_OfARecord_IsWhatTheSameJsonGives()
    {
        var credentials = CredentialSamples.Create("bigquery/full");

        DatasourceCredentials.FindSecretTexts(credentials).Should().Equal(
            DatasourceCredentials.FindSecretTexts(DatasourceType.BigQuery, CredentialSamples.Json("bigquery/full")));
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return name => map.TryGetValue(name, out var value) ? value : null;
    }
}
