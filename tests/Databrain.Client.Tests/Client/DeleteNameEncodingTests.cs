namespace Databrain.Client.Tests.Client;

public sealed class DeleteNameEncodingTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Theory]
    [InlineData("sales db", "sales%20db")]
    [InlineData("a&b=c", "a%26b%3Dc")]
    [InlineData("eu/west", "eu%2Fwest")]
    [InlineData("100%", "100%25")]
    [InlineData("team#1", "team%231")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("données-é", "donn%C3%A9es-%C3%A9")]
    [InlineData("数据", "%E6%95%B0%E6%8D%AE")]
    public async Task Delete_EncodesTheNameSoTheServerReadsItBack(string name, string encoded)
    {
        _api.Given("DELETE", ApiServer.DatasourcePath, 200, """{"id":"1","message":"Datasource deleted successfully"}""");

        await _api.CreateClient().DeleteDatasourceAsync(name);

        var request = _api.Received.Should().ContainSingle().Subject;
        request.RawQuery.Should().Be("?datasourceName=" + encoded);
        request.Query["datasourceName"].Should().Equal(name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Delete_WithABlankName_ThrowsBeforeSending(string name)
    {
        var exception = await Record.ExceptionAsync(() => _api.CreateClient().DeleteDatasourceAsync(name));

        exception.Should().BeOfType<ArgumentException>().Which.ParamName.Should().Be("name");
        _api.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Sync_WithABlankId_ThrowsBeforeSending()
    {
        var exception = await Record.ExceptionAsync(() => _api.CreateClient().SyncDatasourceAsync(" "));

        exception.Should().BeOfType<ArgumentException>().Which.ParamName.Should().Be("datasourceId");
        _api.Received.Should().BeEmpty();
    }
}
