using System.Text.Json.Nodes;
using Databrain.Client.Models;

namespace Databrain.Client.Tests.Client;

/// <summary>What each operation puts on the wire, and what it makes of the success body.</summary>
public sealed class RequestWireTests : IDisposable
{
    private const string PostgresBody = """
        {"datasourceType":"postgres","credentials":{"name":"production-postgres","host":"db.example.com","port":5432,
         "username":"dbuser","password":"securepassword","database":"analytics","schema":"public"}}
        """;

    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Create_SendsTheDocumentedBodyAndHeaders_AndReturnsTheName()
    {
        _api.Given("POST", ApiServer.DatasourcePath, 200, """{"name":"production-postgres","error":null}""");

        var name = await _api.CreateClient(o => o.UserAgent = "MyApp/1.2").CreateDatasourceAsync(ApiServer.Postgres());

        name.Name.Should().Be("production-postgres");
        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/api/v2/datasource");
        request.RawQuery.Should().BeNullOrEmpty();
        Header(request, "Authorization").Should().Be("Bearer " + ApiServer.Token);
        Header(request, "Accept").Should().Be("application/json");
        Header(request, "Content-Type").Should().StartWith("application/json");
        Header(request, "Content-Length").Should().Be(request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Header(request, "User-Agent").Should().MatchRegex(@"^MyApp/1\.2 Databrain\.Client/\d+\.\d+\.\d+");
        AssertJson(request.Body, PostgresBody);
    }

    [Theory]
    [InlineData(DatabrainOperation.Create, "created production-postgres (request id req-7)")]
    [InlineData(DatabrainOperation.Update, "updated production-postgres (request id req-7)")]
    [InlineData(DatabrainOperation.Delete, "deleted production-postgres, id 3f1c (request id req-7)")]
    [InlineData(DatabrainOperation.Sync, "synced 3f1c: Sync completed (request id req-7)")]
    public async Task EverySuccessResult_CarriesTheStatusAndTheResponsesRequestId(DatabrainOperation operation, string described)
    {
        Operations.Stub(_api, operation, 201, Operations.SuccessBody(operation), ("x-request-id", "req-7"));
        var client = _api.CreateClient();

        DatabrainResult result = operation switch
        {
            DatabrainOperation.Create => await client.CreateDatasourceAsync(ApiServer.Postgres()),
            DatabrainOperation.Update => await client.UpdateDatasourceAsync(ApiServer.Postgres()),
            DatabrainOperation.Delete => await client.DeleteDatasourceAsync("production-postgres"),
            _ => await client.SyncDatasourceAsync("3f1c"),
        };

        result.Status.Should().Be(201);
        result.RequestId.Should().Be("req-7");
        result.ToString().Should().Be(described);
    }

    [Fact]
    public async Task APage_CarriesTheStatusAndTheResponsesRequestId_ReadFromAKnownAlias()
    {
        Operations.Stub(_api, DatabrainOperation.List, 200, Operations.SuccessBody(DatabrainOperation.List), ("x-correlation-id", "corr-9"));

        var page = await _api.CreateClient().GetDatasourcePageAsync(1);

        page.Status.Should().Be(200);
        page.RequestId.Should().Be("corr-9");
    }

    [Theory]
    [InlineData("""{"name":"production-postgres","id":"3f1c"}""", "3f1c")]
    [InlineData("""{"name":"production-postgres","id":42}""", "42")]
    [InlineData("""{"name":"production-postgres","id":null}""", null)]
    [InlineData("""{"name":"production-postgres"}""", null)]
    public async Task AnIdInTheAnswer_IsExposed_AndItsAbsenceIsFine(string body, string? id)
    {
        Operations.Stub(_api, DatabrainOperation.Create, 200, body);
        Operations.Stub(_api, DatabrainOperation.List, 200, "{\"data\":[" + body + "]}");
        var client = _api.CreateClient();

        var created = await client.CreateDatasourceAsync(ApiServer.Postgres());
        var page = await client.GetDatasourcePageAsync(1);

        created.Id.Should().Be(id);
        created.Name.Should().Be("production-postgres");
        page.Items.Single().Id.Should().Be(id);
    }

    [Fact]
    public async Task AResultWithoutARequestIdHeader_HasNone()
    {
        Operations.Stub(_api, DatabrainOperation.Create, 200, Operations.SuccessBody(DatabrainOperation.Create));

        var created = await _api.CreateClient().CreateDatasourceAsync(ApiServer.Postgres());

        created.RequestId.Should().BeNull();
        created.ToString().Should().Be("created production-postgres");
    }

    [Fact]
    public async Task Create_WithTenancySettings_SendsThemBesideTheCredentials()
    {
        _api.Given("POST", ApiServer.DatasourcePath, 200, """{"name":"production-postgres"}""");
        var tenancy = new TenancySettings
        {
            TenancyLevel = TenancyLevel.Table,
            ClientColumnType = ClientColumnType.String,
            SchemaName = "public",
            TableName = "clients",
            TableClientNameColumn = "name",
            TablePrimaryKeyColumn = "id",
        };

        await _api.CreateClient().CreateDatasourceAsync(ApiServer.Postgres(), tenancy);

        var body = JsonNode.Parse(SingleRequest().Body)!;
        AssertJson(body["tenancySettings"]!.ToJsonString(), """
            {"tenancyLevel":"TABLE","clientColumnType":"STRING","schemaName":"public","tableName":"clients",
             "tableClientNameColumn":"name","tablePrimaryKeyColumn":"id"}
            """);
    }

    [Fact]
    public async Task Update_SendsTheFullObjectWithPut_AndReturnsTheName()
    {
        _api.Given("PUT", ApiServer.DatasourcePath, 200, """{"name":"production-postgres"}""");

        var name = await _api.CreateClient().UpdateDatasourceAsync(ApiServer.Postgres());

        name.Name.Should().Be("production-postgres");
        var request = SingleRequest();
        request.Method.Should().Be("PUT");
        request.Path.Should().Be("/api/v2/datasource");
        Header(request, "Authorization").Should().Be("Bearer " + ApiServer.Token);
        Header(request, "Content-Type").Should().StartWith("application/json");
        AssertJson(request.Body!, PostgresBody);
    }

    [Fact]
    public async Task GetPage_SendsPaginationQueryStrings_AndParsesTheNames()
    {
        _api.Given("GET", ApiServer.DatasourcePath, 200, """{"data":[{"name":"a"},{"name":"b"}],"error":null}""");

        var page = await _api.CreateClient().GetDatasourcePageAsync(3);

        page.PageNumber.Should().Be(3);
        page.Items.Select(i => i.Name).Should().Equal("a", "b");
        page.IsLastPage.Should().BeTrue();
        var request = SingleRequest();
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/api/v2/datasource");
        request.RawQuery.Should().Be("?isPagination=true&pageNumber=3");
        request.Body.Should().BeNullOrEmpty();
        Header(request, "Authorization").Should().Be("Bearer " + ApiServer.Token);
        Header(request, "Accept").Should().Be("application/json");
    }

    [Fact]
    public async Task Delete_SendsTheNameInTheQuery_AndReturnsIdAndMessage()
    {
        _api.Given("DELETE", ApiServer.DatasourcePath, 200, """{"id":"6b1f9c2e-1111-4222-8333-944455556666","message":"Datasource deleted successfully"}""");

        var deleted = await _api.CreateClient().DeleteDatasourceAsync("production-postgres");

        deleted.Id.Should().Be("6b1f9c2e-1111-4222-8333-944455556666");
        deleted.Message.Should().Be("Datasource deleted successfully");
        var request = SingleRequest();
        request.Method.Should().Be("DELETE");
        request.Path.Should().Be("/api/v2/datasource");
        request.RawQuery.Should().Be("?datasourceName=production-postgres");
        request.Body.Should().BeNullOrEmpty();
        Header(request, "Authorization").Should().Be("Bearer " + ApiServer.Token);
    }

    [Fact]
    public async Task Sync_SendsTheIdInsideInput_AndReturnsTheMessage()
    {
        _api.Given("POST", ApiServer.SyncPath, 200, """{"data":{"message":"Sync completed"}}""");

        var message = await _api.CreateClient().SyncDatasourceAsync("6b1f9c2e-1111-4222-8333-944455556666");

        message.Message.Should().Be("Sync completed");
        message.DatasourceId.Should().Be("6b1f9c2e-1111-4222-8333-944455556666");
        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/api/v2/datasource/sync");
        Header(request, "Content-Type").Should().StartWith("application/json");
        AssertJson(request.Body!, """{"input":{"datasourceId":"6b1f9c2e-1111-4222-8333-944455556666"}}""");
    }

    [Fact]
    public async Task Create_WhenTheSuccessBodyIsEmpty_ReturnsTheNameItSent()
    {
        _api.Given("POST", ApiServer.DatasourcePath, 200, body: null);

        var name = await _api.CreateClient().CreateDatasourceAsync(ApiServer.Postgres("sent-name"));

        name.Name.Should().Be("sent-name");
    }

    [Fact]
    public async Task SelfHostedBaseAddressWithAPath_KeepsThePathPrefix()
    {
        _api.Given("GET", "/databrain/api/v2/datasource", 200, """{"data":[]}""");

        var page = await _api.CreateClient(o => o.BaseAddress = new Uri(_api.BaseAddress, "/databrain")).GetDatasourcePageAsync(1);

        page.Items.Should().BeEmpty();
        SingleRequest().Path.Should().Be("/databrain/api/v2/datasource");
    }

    private ServerExchange SingleRequest() => _api.Received.Should().ContainSingle().Subject;

    private static string Header(ServerExchange request, string name) =>
        string.Join(",", request.Headers[name]);

    private static void AssertJson(string actual, string expected) =>
        JsonNode.DeepEquals(JsonNode.Parse(actual), JsonNode.Parse(expected)).Should().BeTrue($"the body was {actual}");
}
