namespace Databrain.Client.Tests.Validation;

/// <summary><see cref="DatabrainValidationException.Errors"/>: the problems in the shape ASP.NET Core's ValidationProblemDetails takes.</summary>
public sealed class ValidationErrorsTests
{
    private static readonly DatabrainValidationException Exception = new(DatabrainOperation.Create,
    [
        new ValidationProblem("credentials.user", "not a postgres field; did you mean \"username\"?"),
        new ValidationProblem("credentials.username", "is required."),
        new ValidationProblem("credentials.port", "is required."),
        new ValidationProblem("credentials.port", "must be a port number from 1 to 65535."),
        new ValidationProblem("tenancySettings.tableName", "is required, and must not be empty or white space, when tenancyLevel is \"TABLE\"."),
        new ValidationProblem("datasourceType", "is required and must not be empty or white space."),
    ]);

    [Fact]
    public void Errors_GroupsTheMessagesByTheirFullWirePath_InTheOrderFound()
    {
        Exception.Errors.Keys.Should().Equal(
            "credentials.user", "credentials.username", "credentials.port", "tenancySettings.tableName", "datasourceType");
        Exception.Errors["credentials.port"].Should().Equal("is required.", "must be a port number from 1 to 65535.");
        Exception.Errors["credentials.user"].Should().Equal("not a postgres field; did you mean \"username\"?");
    }

    [Fact]
    public void Errors_IsReadOnly()
    {
        var act = () => Exception.Errors.Add("x", ["y"]);

        act.Should().Throw<NotSupportedException>();
    }

    [Fact]
    public void ErrorsRelativeTo_StripsThatObjectsPrefixOnly()
    {
        var errors = Exception.ErrorsRelativeTo("credentials");

        errors.Keys.Should().Equal("user", "username", "port", "tenancySettings.tableName", "datasourceType");
        errors["port"].Should().Equal("is required.", "must be a port number from 1 to 65535.");
    }

    [Fact]
    public void ErrorsRelativeTo_KeysAProblemWithTheWholeObjectByTheEmptyString_AndLeavesALookalikePrefixAlone()
    {
        var exception = new DatabrainValidationException(null,
        [
            new ValidationProblem("credentials", "must be a JSON object."),
            new ValidationProblem("credentialsX.y", "made up."),
        ]);

        exception.ErrorsRelativeTo("credentials").Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            [""] = ["must be a JSON object."],
            ["credentialsX.y"] = ["made up."],
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void ErrorsRelativeTo_ABlankPath_Throws(string path)
    {
        var act = () => Exception.ErrorsRelativeTo(path);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("objectPath");
    }
}
