namespace Databrain.Client.Tests.Client;

public sealed class ValidationBeforeSendTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Create_WithInvalidCredentials_ThrowsValidationAndSendsNothing()
    {
        _api.Given("POST", ApiServer.DatasourcePath, 200, """{"name":"x"}""");
        var invalid = ApiServer.Postgres() with { Name = " ", Port = 70000 };

        var exception = await Record.ExceptionAsync(() => _api.CreateClient().CreateDatasourceAsync(invalid));

        var validation = exception.Should().BeOfType<DatabrainValidationException>().Subject;
        validation.Operation.Should().Be(DatabrainOperation.Create);
        validation.Problems.Select(p => p.Field).Should().Contain(["credentials.name", "credentials.port"]);
        validation.Message.Should().NotContain("securepassword").And.NotContain("70000");
        _api.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Update_WithInvalidCredentials_ThrowsValidationAndSendsNothing()
    {
        var invalid = ApiServer.Postgres() with { Port = 0 };

        var exception = await Record.ExceptionAsync(() => _api.CreateClient().UpdateDatasourceAsync(invalid));

        exception.Should().BeOfType<DatabrainValidationException>().Which.Operation.Should().Be(DatabrainOperation.Update);
        _api.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Create_WithNullCredentials_ThrowsArgumentNull()
    {
        var exception = await Record.ExceptionAsync(() => _api.CreateClient().CreateDatasourceAsync(null!));

        exception.Should().BeOfType<ArgumentNullException>().Which.ParamName.Should().Be("credentials");
        _api.Received.Should().BeEmpty();
    }
}
