using System.Text.Json;
using Databrain.Client.Models;

namespace Databrain.Client.Tests.Models;

/// <summary>
/// Reading wire JSON is strict about names (issue 14): a field the type does not have is a problem with a
/// suggestion when a known name is close, and a misspelt datasource type is not sent as a new one.
/// </summary>
public sealed class StrictCredentialReadingTests
{
    private const string Secret = "S3CRET-VALUE";

    // The spec's Postgres example with one field renamed or added.
    private const string PostgresWithUser =
        """{"name": "pg", "host": "db.example.com", "port": 5432, "user": "dbuser", "password": "pw", "database": "analytics", "schema": "public"}""";

    [Fact]
    public void FromJson_WithUserOnPostgres_SuggestsUsernameAndStillReportsItMissing()
    {
        var act = () => DatasourceCredentials.FromJson(DatasourceType.Postgres, PostgresWithUser);

        act.Should().Throw<DatabrainValidationException>().Which.Problems.Should().Equal(
            new ValidationProblem("credentials.user", "not a postgres field; did you mean \"username\"?"),
            new ValidationProblem("credentials.username", "is required."));
    }

    [Theory]
    [InlineData("sslmode", "true", "sslMode")]
    [InlineData("sshtunel", "\"enable\"", "sshTunnel")]
    [InlineData("SSLMODE", "true", "sslMode")]
    [InlineData("ssl_mode", "true", "sslMode")]
    [InlineData("Host", "\"db\"", "host")]
    [InlineData("prot", "1", "port")]
    [InlineData("hostname", "\"db\"", "host")]
    [InlineData("pass", "\"" + Secret + "\"", "password")]
    public void FromJson_WithAMisspeltPostgresField_NamesItAndSuggestsTheKnownOne(string field, string value, string meant)
    {
        var json = CredentialSamples.Json("postgres/minimal").TrimEnd()[..^1] + $", \"{field}\": {value}}}";

        var act = () => DatasourceCredentials.FromJson(DatasourceType.Postgres, json);

        var exception = act.Should().Throw<DatabrainValidationException>().Which;
        exception.Problems.Should().Equal(new ValidationProblem($"credentials.{field}", $"not a postgres field; did you mean \"{meant}\"?"));
        exception.Message.Should().NotContain(Secret);
    }

    [Fact]
    public void FromJson_WithUsernameOnMySql_SuggestsUser()
    {
        const string json = """{"name": "m", "host": "h", "port": 3306, "username": "u", "password": "p"}""";

        var act = () => DatasourceCredentials.FromJson(DatasourceType.MySql, json);

        act.Should().Throw<DatabrainValidationException>().Which.Problems.Should().Equal(
            new ValidationProblem("credentials.username", "not a mysql field; did you mean \"user\"?"),
            new ValidationProblem("credentials.user", "is required."));
    }

    [Fact]
    public void FromJson_WithAFieldCloseToTwoKnownOnes_SuggestsBoth()
    {
        const string json = """{"name": "es", "server": "x", "server_type": "self-managed", "server_url": "https://es", "username": "u", "password": "p"}""";

        var act = () => DatasourceCredentials.FromJson(DatasourceType.Elasticsearch, json);

        act.Should().Throw<DatabrainValidationException>().Which.Problems.Should().Equal(
            new ValidationProblem("credentials.server", "not an elasticsearch field; did you mean \"server_type\" or \"server_url\"?"));
    }

    [Fact]
    public void FromJson_WithAFieldFarFromEveryKnownOne_NamesItWithoutASuggestionOrItsValue()
    {
        var json = """{"name": "m", "host": "h", "port": 1, "user": "u", "password": "p", "futureOption": {"x": "S3CRET-VALUE"}}""";

        var act = () => DatasourceCredentials.FromJson(DatasourceType.MySql, json);

        var exception = act.Should().Throw<DatabrainValidationException>().Which;
        exception.Problems.Should().Equal(new ValidationProblem("credentials.futureOption", "not a mysql field."));
        exception.Message.Should().NotContain(Secret);
    }

    [Fact]
    public void FromJson_WithAnUnknownFieldAndAWrongValue_ReportsBoth()
    {
        const string json = """{"name": "pg", "sslmode": true, "port": "S3CRET-VALUE"}""";

        var act = () => DatasourceCredentials.FromJson(DatasourceType.Postgres, json);

        var exception = act.Should().Throw<DatabrainValidationException>().Which;
        exception.Problems.Should().Equal(
            new ValidationProblem("credentials.sslmode", "not a postgres field; did you mean \"sslMode\"?"),
            new ValidationProblem("credentials.port", "must be a whole JSON number."));
        exception.Message.Should().NotContain(Secret);
    }

    [Fact]
    public void FromJson_OfTheEscapeHatch_StillAcceptsAnyField()
    {
        const string json = """{"name": "crdb", "user": "root", "sslmode": "verify-full", "sshtunel": 1}""";

        var credentials = DatasourceCredentials.FromJson("cockroachdb", json);

        var custom = credentials.Should().BeOfType<CustomCredentials>().Subject;
        custom.Fields.Keys.Should().Equal("user", "sslmode", "sshtunel");
    }

    [Theory]
    [InlineData("postgress", "\"postgres\"")]
    [InlineData("Postgres ", "\"postgres\"")]
    [InlineData(" postgres", "\"postgres\"")]
    [InlineData("postgre", "\"postgres\"")]
    [InlineData("postgresql", "\"postgres\"")]
    [InlineData("snowflak", "\"snowflake\"")]
    [InlineData("bigqeury", "\"bigquery\"")]
    [InlineData("big query", "\"bigquery\"")]
    [InlineData("aws-s3", "\"awss3\"")]
    [InlineData("elasticserach", "\"elasticsearch\"")]
    [InlineData("msql", "\"mysql\" or \"mssql\"")]
    public void FromJson_OfATypeCloseToADocumentedOne_IsAProblemNamingTheTypeMeant(string type, string meant)
    {
        var act = () => DatasourceCredentials.FromJson(type, CredentialSamples.Json("postgres/minimal"));

        act.Should().Throw<DatabrainValidationException>().Which.Problems.Should().Equal(
            new ValidationProblem("datasourceType", $"unknown type \"{type}\"; did you mean {meant}?"));
    }

    [Theory]
    [InlineData("cockroachdb")]
    [InlineData("postgis")]
    [InlineData("mongo")]
    [InlineData("tsv")]
    [InlineData("duckdb")]
    public void FromJson_OfATypeFarFromEveryDocumentedOne_GoesToTheEscapeHatch(string type)
    {
        var credentials = DatasourceCredentials.FromJson(type, """{"name": "x", "host": "h"}""");

        credentials.Should().BeOfType<CustomCredentials>().Which.DatasourceType.Value.Should().Be(type);
    }

    [Fact]
    public void FromJson_OfAMisspeltTypeAsAnElement_IsTheSameProblem()
    {
        using var document = JsonDocument.Parse(PostgresWithUser);

        var act = () => DatasourceCredentials.FromJson("postgress", document.RootElement);

        act.Should().Throw<DatabrainValidationException>().Which.Problems.Should().Equal(
            new ValidationProblem("datasourceType", "unknown type \"postgress\"; did you mean \"postgres\"?"));
    }

    [Fact]
    public void Validate_OfCustomCredentialsBuiltInCode_AcceptsANearMissType_TheDeliberateWayToSendOne()
    {
        var credentials = new CustomCredentials("postgresql") { Name = "pg" };

        DatasourceValidator.Validate(credentials).Should().BeEmpty();
    }

    [Fact]
    public void FromJson_OfTruncatedJson_ThrowsInvalidJsonWithLineAndColumn()
    {
        const string json = "{\n  \"name\": \"pg\",\n  \"password\": \"S3CRET-VALUE";

        var act = () => DatasourceCredentials.FromJson(DatasourceType.Postgres, json);

        var exception = act.Should().Throw<DatabrainInvalidJsonException>().Which;
        exception.Message.Should().Be("The credentials text is not valid JSON at line 3, column 28: it ends before the JSON is complete.");
        (exception.ObjectName, exception.LineNumber, exception.Column, exception.IsIncomplete).Should().Be(("credentials", 3, 28, true));
        exception.Operation.Should().BeNull();
        exception.InnerException.Should().BeNull();
    }

    [Theory]
    [InlineData("""{"name": "pg", "password": S3CRET-VALUE}""", 1, 28, false)]
    [InlineData("""{"name": "pg", "password": "S3CRET-VALUE" "host": "h"}""", 1, 43, false)]
    [InlineData("", 1, 1, true)]
    [InlineData("   \n  ", 2, 3, true)]
    [InlineData("S3CRET-VALUE", 1, 1, false)]
    [InlineData("""{"name": "pg",""", 1, 15, true)]
    [InlineData("{\"name\": \"pg\",\n  \"port\": 54", 2, 13, true)]
    [InlineData("""{"name": "pg"}}""", 1, 15, false)]
    [InlineData("{\"name\": \"pg\",\r\n \"host\": \"h\",,}", 2, 14, false)]
    public void FromJson_OfTextThatIsNotJson_SaysWhereWithoutQuotingIt(string json, int line, int column, bool isIncomplete)
    {
        var act = () => DatasourceCredentials.FromJson(DatasourceType.Postgres, json);

        var exception = act.Should().Throw<DatabrainInvalidJsonException>().Which;
        (exception.LineNumber, exception.Column, exception.IsIncomplete).Should().Be((line, column, isIncomplete));
        exception.Message.Should().NotContain(Secret);
    }

    [Fact]
    public void FromJson_OfTextThatIsNotJson_CountsTheColumnInCharactersNotBytes()
    {
        // "Zürich 東京" is 9 characters and 14 UTF-8 bytes; the stray x is the 28th character of the line.
        const string json = """{"name": "Zürich 東京", "x": x}""";

        var act = () => DatasourceCredentials.FromJson("cockroachdb", json);

        var exception = act.Should().Throw<DatabrainInvalidJsonException>().Which;
        (exception.LineNumber, exception.Column).Should().Be((1, json.IndexOf(" x}", StringComparison.Ordinal) + 2));
    }
}
