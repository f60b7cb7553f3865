using System.Text.Json;
using Databrain.Client.Models;

namespace Databrain.Client.Tests.Models;

public class CredentialReadingErrorTests
{
    private const string Secret = "S3CRET-VALUE";

    [Fact]
    public void FromJson_WhenRequiredFieldsAreMissing_ReportsEveryOneInOneValidationException()
    {
        var act = () => DatasourceCredentials.FromJson(DatasourceType.Postgres, """{"name": "pg", "sslMode": true}""");

        act.Should().Throw<DatabrainValidationException>().Which.Problems.Should().Equal(
            new ValidationProblem("credentials.host", "is required."),
            new ValidationProblem("credentials.port", "is required."),
            new ValidationProblem("credentials.username", "is required."),
            new ValidationProblem("credentials.password", "is required."),
            new ValidationProblem("credentials.database", "is required."),
            new ValidationProblem("credentials.schema", "is required."));
    }

    [Fact]
    public void FromJson_WhenNameIsMissing_ReportsName()
    {
        var act = () => DatasourceCredentials.FromJson(DatasourceType.Databricks, """{"serverHostname": "h", "httpPath": "/p", "token": "t"}""");

        act.Should().Throw<DatabrainValidationException>().Which.Problems.Should().Equal(new ValidationProblem("credentials.name", "is required."));
    }

    [Fact]
    public void FromJson_WhenARequiredEnumIsMissing_ReportsItInsteadOfTakingTheDefault()
    {
        var json = """{"name": "es", "cloud_id": "c", "username": "u", "password": "p"}""";

        var act = () => DatasourceCredentials.FromJson(DatasourceType.Elasticsearch, json);

        act.Should().Throw<DatabrainValidationException>().Which.Problems.Should().Equal(new ValidationProblem("credentials.server_type", "is required."));
    }

    [Fact]
    public void FromJson_WhenAFieldIsNullOrBlank_ReportsTheValidationRule()
    {
        var json = """{"name": "m", "host": null, "port": 3306, "user": "  ", "password": "p"}""";

        var act = () => DatasourceCredentials.FromJson(DatasourceType.MySql, json);

        act.Should().Throw<DatabrainValidationException>().Which.Problems.Should().Equal(
            new ValidationProblem("credentials.host", "is required and must not be empty or white space."),
            new ValidationProblem("credentials.user", "is required and must not be empty or white space."));
    }

    [Fact]
    public void FromJson_WhenAConditionalRuleFails_ReportsIt()
    {
        var json = """{"name": "t", "host": "h", "port": 0, "catalog": "c", "schema": "s", "username": "u", "password": "p", "sshTunnel": "enable"}""";

        var act = () => DatasourceCredentials.FromJson(DatasourceType.Trino, json);

        act.Should().Throw<DatabrainValidationException>().Which.Problems.Select(p => p.Field).Should().Equal(
            "credentials.port", "credentials.sshHost", "credentials.sshPort", "credentials.sshUsername", "credentials.sshPrivateKey");
    }

    [Theory]
    [InlineData("""{"name": "pg", "port": "S3CRET-VALUE"}""", "credentials.port", "must be a whole JSON number.")]
    [InlineData("""{"name": "pg", "port": null}""", "credentials.port", "must be a whole JSON number.")]
    [InlineData("""{"name": "pg", "port": 54.32}""", "credentials.port", "must be a whole JSON number.")]
    [InlineData("""{"name": "pg", "password": 424242}""", "credentials.password", "must be a JSON string.")]
    [InlineData("""{"name": "pg", "password": {"S3CRET-VALUE": 1}}""", "credentials.password", "must be a JSON string.")]
    [InlineData("""{"name": "pg", "sslMode": "S3CRET-VALUE"}""", "credentials.sslMode", "must be true or false.")]
    [InlineData("""{"name": "pg", "sshTunnel": "S3CRET-VALUE"}""", "credentials.sshTunnel", "must be one of \"enable\", \"disable\".")]
    [InlineData("""{"name": "pg", "sshTunnel": "Enable"}""", "credentials.sshTunnel", "must be one of \"enable\", \"disable\".")]
    [InlineData("""{"name": ["S3CRET-VALUE"]}""", "credentials.name", "must be a JSON string.")]
    public void FromJson_WhenAFieldHasTheWrongJsonType_NamesTheFieldWithoutItsValue(string json, string field, string message)
    {
        var act = () => DatasourceCredentials.FromJson(DatasourceType.Postgres, json);

        var exception = act.Should().Throw<DatabrainValidationException>().Which;
        exception.Problems.Should().Equal(new ValidationProblem(field, message));
        exception.Message.Should().NotContain(Secret).And.NotContain("424242");
        exception.InnerException.Should().BeNull();
    }

    [Fact]
    public void FromJson_WhenAnEnumStringIsUnknown_ListsTheAllowedWireValues()
    {
        var json = """{"name": "sf", "host": "h", "username": "u", "role": "r", "warehouse": "w", "database": "d", "schema": "s", "credentials": "oauth"}""";

        var act = () => DatasourceCredentials.FromJson(DatasourceType.Snowflake, json);

        act.Should().Throw<DatabrainValidationException>().Which.Problems.Should().Equal(
            new ValidationProblem("credentials.credentials", "must be one of \"username/password\", \"Key-pair authentication\"."));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"S3CRET-VALUE\"")]
    [InlineData("42")]
    public void FromJson_WhenTheJsonIsNotAnObject_ReportsCredentials(string json)
    {
        var act = () => DatasourceCredentials.FromJson("cockroachdb", json);

        var exception = act.Should().Throw<DatabrainValidationException>().Which;
        exception.Problems.Should().Equal(new ValidationProblem("credentials", "must be a JSON object."));
        exception.Message.Should().NotContain(Secret);
    }

    [Fact]
    public void FromJson_OfAnUnknownTypeWithoutName_ReportsName()
    {
        var act = () => DatasourceCredentials.FromJson("cockroachdb", """{"host": "h"}""");

        act.Should().Throw<DatabrainValidationException>().Which.Problems.Should().Equal(
            new ValidationProblem("credentials.name", "is required and must not be empty or white space."));
    }

    [Fact]
    public void FromJson_OfAnUnknownTypeWithANonStringName_ReportsNameOnce()
    {
        var act = () => DatasourceCredentials.FromJson("cockroachdb", """{"name": 42, "host": "h"}""");

        act.Should().Throw<DatabrainValidationException>().Which.Problems.Should().Equal(
            new ValidationProblem("credentials.name", "must be a JSON string."));
    }

    [Fact]
    public void FromJson_OfTheDefaultType_ReportsDatasourceType()
    {
        var act = () => DatasourceCredentials.FromJson(default, """{"name": "x"}""");

        act.Should().Throw<DatabrainValidationException>().Which.Problems.Should().Equal(
            new ValidationProblem("datasourceType", "is required and must not be empty or white space."));
    }

    [Fact]
    public void FromJson_WhenTheTextIsNull_Throws()
    {
        var act = () => DatasourceCredentials.FromJson(DatasourceType.Postgres, (string)null!);

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("json");
    }

    [Fact]
    public void FromJson_WhenInvalid_RecordsNoOperation()
    {
        var act = () => DatasourceCredentials.FromJson(DatasourceType.Postgres, "{}");

        act.Should().Throw<DatabrainValidationException>().Which.Operation.Should().BeNull();
    }

    [Fact]
    public void FromJson_OfAnElementThatIsNotAnObject_ReportsCredentials()
    {
        using var document = JsonDocument.Parse("[1]");

        var act = () => DatasourceCredentials.FromJson(DatasourceType.Postgres, document.RootElement);

        act.Should().Throw<DatabrainValidationException>().Which.Problems.Should().Equal(new ValidationProblem("credentials", "must be a JSON object."));
    }
}
