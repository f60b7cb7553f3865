using Databrain.Client.Tests.Resilience;

namespace Databrain.Client.Tests.Client;

/// <summary>Every documented code on every endpoint that returns it, and the bodies that are not documented.</summary>
public sealed class ErrorMappingTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    public static TheoryData<string, int, DatabrainOperation, Type> DocumentedCodes()
    {
        var data = new TheoryData<string, int, DatabrainOperation, Type>();
        var all = Enum.GetValues<DatabrainOperation>();
        foreach (var op in all)
        {
            data.Add("INVALID_REQUEST_BODY", 400, op, typeof(InvalidRequestBodyException));
            data.Add("AUTHENTICATION_ERROR", 401, op, typeof(DatabrainAuthenticationException));
            data.Add("AUTHENTICATION_ERR", 401, op, typeof(DatabrainAuthenticationException));
            data.Add("INTERNAL_SERVER_ERROR", 500, op, typeof(DatabrainServerException));
        }

        data.Add("DATASOURCE_NAME_ERROR", 400, DatabrainOperation.Create, typeof(DatasourceNameConflictException));
        data.Add("DATASOURCE_NAME_ERROR", 400, DatabrainOperation.Update, typeof(DatasourceNotFoundException));
        data.Add("DATASOURCE_NAME_ERROR", 400, DatabrainOperation.Delete, typeof(DatasourceNotFoundException));
        data.Add("CREDENTIAL_TEST_FAILED", 400, DatabrainOperation.Create, typeof(CredentialTestFailedException));
        data.Add("CREDENTIAL_TEST_FAILED", 400, DatabrainOperation.Update, typeof(CredentialTestFailedException));
        data.Add("DATASOURCE_IN_USE", 400, DatabrainOperation.Delete, typeof(DatasourceInUseException));
        data.Add("DATASOURCE_ID_ERROR", 400, DatabrainOperation.Sync, typeof(InvalidDatasourceIdException));
        data.Add("DATASOURCE_NOT_FOUND", 404, DatabrainOperation.Update, typeof(DatasourceNotFoundException));
        data.Add("SCHEMA_CACHE_FAILED", 500, DatabrainOperation.Create, typeof(SchemaCacheFailedException));
        data.Add("SCHEMA_CACHE_FAILED", 500, DatabrainOperation.Update, typeof(SchemaCacheFailedException));
        data.Add("CREATE_DATASOURCE_FAILED", 500, DatabrainOperation.Create, typeof(CreateDatasourceFailedException));
        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedCodes))]
    public async Task DocumentedCode_MapsToItsExceptionType_KeepingStatusCodeMessageAndRequestId(
        string code, int status, DatabrainOperation operation, Type expectedType)
    {
        Operations.Stub(_api, operation, status, $$$"""{"error":{"code":"{{{code}}}","message":"the server says no","status":{{{status}}}}}""",
            ("x-request-id", "req-42"));

        var exception = await Record.ExceptionAsync(() => Operations.Invoke(Client(), operation));

        exception.Should().BeOfType(expectedType);
        var api = (DatabrainApiException)exception!;
        api.Status.Should().Be(status);
        api.ErrorCode.Should().Be(code);
        api.ServerMessage.Should().Be("the server says no");
        api.RequestId.Should().Be("req-42");
        api.Operation.Should().Be(operation);
        api.Message.Should().Contain(code).And.Contain("the server says no").And.Contain("req-42").And.Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var attempts = Operations.ExpectedAttempts(operation, status);
        _api.Received.Should().HaveCount(attempts);
        _api.RetryDelays.Should().HaveCount(attempts - 1);
    }

    [Theory]
    [InlineData(DatabrainOperation.Create)]
    [InlineData(DatabrainOperation.List)]
    public async Task UnknownCode_StaysOnTheBaseApiException(DatabrainOperation operation)
    {
        Operations.Stub(_api, operation, 400, """{"error":{"code":"BRAND_NEW_CODE","message":"new rule"}}""");

        var exception = await Record.ExceptionAsync(() => Operations.Invoke(Client(), operation));

        exception.Should().BeOfType<DatabrainApiException>();
        var api = (DatabrainApiException)exception!;
        api.ErrorCode.Should().Be("BRAND_NEW_CODE");
        api.ServerMessage.Should().Be("new rule");
        api.Status.Should().Be(400);
        api.RequestId.Should().BeNull();
    }

    [Theory]
    [InlineData(400, null, typeof(DatabrainApiException), 1)]
    [InlineData(401, "", typeof(DatabrainAuthenticationException), 1)]
    [InlineData(404, "", typeof(DatabrainApiException), 1)]
    [InlineData(429, "", typeof(DatabrainRateLimitedException), 4)]
    [InlineData(500, "", typeof(DatabrainServerException), 4)]
    [InlineData(502, "<html><body><h1>502 Bad Gateway</h1><p>password=hunter2</p></body></html>", typeof(DatabrainServerException), 4)]
    [InlineData(503, """{"error":{"code":"INTERNAL_SER""", typeof(DatabrainServerException), 4)]
    public async Task UndocumentedBody_StillMapsByStatus_AfterTheRetriesListIsAllowed(int status, string? body, Type expectedType, int requests)
    {
        Operations.Stub(_api, DatabrainOperation.List, status, body);

        var exception = await Record.ExceptionAsync(() => Client().GetDatasourcePageAsync(1));

        exception.Should().BeOfType(expectedType);
        var api = (DatabrainApiException)exception!;
        api.Status.Should().Be(status);
        api.ErrorCode.Should().BeNull();
        if (!string.IsNullOrEmpty(body))
        {
            api.ServerMessage.Should().StartWith("the response body is not a JSON error").And.Contain($"{body.Length} characters");
            api.Message.Should().NotContain("hunter2").And.NotContain("<html>");
        }

        _api.Received.Should().HaveCount(requests);
    }

    [Theory]
    [InlineData(DatabrainOperation.Update)]
    [InlineData(DatabrainOperation.Delete)]
    public async Task Status404WithoutCode_OnUpdateOrDelete_IsNotFound(DatabrainOperation operation)
    {
        Operations.Stub(_api, operation, 404, "");

        var exception = await Record.ExceptionAsync(() => Operations.Invoke(Client(), operation));

        exception.Should().BeOfType<DatasourceNotFoundException>().Which.Status.Should().Be(404);
    }

    [Fact]
    public async Task ErrorAsAPlainString_BecomesTheMessage()
    {
        Operations.Stub(_api, DatabrainOperation.Delete, 400, """{"error":"Datasource is used by 3 dashboards"}""");

        var exception = await Record.ExceptionAsync(() => Client().DeleteDatasourceAsync("x"));

        var api = exception.Should().BeOfType<DatabrainApiException>().Subject;
        api.ServerMessage.Should().Be("Datasource is used by 3 dashboards");
        api.ErrorCode.Should().BeNull();
    }

    [Fact]
    public async Task RateLimited_WithRetryAfterSeconds_WaitsThatLongBetweenRetries_ThenCarriesTheDelay()
    {
        Operations.Stub(_api, DatabrainOperation.List, 429, """{"error":{"code":"RATE_LIMITED","message":"slow down"}}""", ("Retry-After", "17"));

        var exception = await Record.ExceptionAsync(() => Client().GetDatasourcePageAsync(1));

        var limited = exception.Should().BeOfType<DatabrainRateLimitedException>().Subject;
        limited.RetryAfter.Should().Be(TimeSpan.FromSeconds(17));
        limited.ErrorCode.Should().Be("RATE_LIMITED");
        limited.Status.Should().Be(429);
        _api.Received.Should().HaveCount(4);
        _api.RetryDelays.Should().Equal(TimeSpan.FromSeconds(17), TimeSpan.FromSeconds(17), TimeSpan.FromSeconds(17));
    }

    [Fact]
    public async Task RateLimited_WithRetryAfterAsAnHttpDateBeyondTheCap_FailsAtOnce_CarryingTheDelayFromNow()
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(120);
        Operations.Stub(_api, DatabrainOperation.List, 429, "", ("Retry-After", at.ToString("R")));

        var exception = await Record.ExceptionAsync(() => Client().GetDatasourcePageAsync(1));

        var limited = exception.Should().BeOfType<DatabrainRateLimitedException>().Subject;
        limited.RetryAfter.Should().NotBeNull();
        limited.RetryAfter!.Value.Should().BeCloseTo(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(5));
        _api.Received.Should().HaveCount(1);
        _api.RetryDelays.Should().BeEmpty();
    }

    [Fact]
    public async Task ServerEchoingTheSecret_HasItMaskedInTheException()
    {
        Operations.Stub(_api, DatabrainOperation.Create, 400,
            """{"error":{"code":"CREDENTIAL_TEST_FAILED","message":"password authentication failed for 'securepassword'"}}""");

        var exception = await Record.ExceptionAsync(() => Client().CreateDatasourceAsync(ApiServer.Postgres()));

        var failed = exception.Should().BeOfType<CredentialTestFailedException>().Subject;
        failed.ServerMessage.Should().Be("password authentication failed for '***'");
        failed.ToString().Should().NotContain("securepassword");
    }

    [Theory]
    [InlineData(DatabrainOperation.List)]
    [InlineData(DatabrainOperation.Delete)]
    [InlineData(DatabrainOperation.Sync)]
    public async Task ServerEchoingTheServiceToken_HasItMaskedInTheException(DatabrainOperation operation)
    {
        Operations.Stub(_api, operation, 401, $$$"""{"error":{"code":"AUTHENTICATION_ERROR","message":"token {{{ApiServer.Token}}} is not valid"}}""");

        var exception = await Record.ExceptionAsync(() => Operations.Invoke(Client(), operation));

        var auth = exception.Should().BeOfType<DatabrainAuthenticationException>().Subject;
        auth.ServerMessage.Should().Be("token *** is not valid");
        auth.ToString().Should().NotContain(ApiServer.Token);
    }

    [Fact]
    public async Task List_WhenTheSuccessBodyIsNotJson_ThrowsAMalformedResponseError_WithTheStatusAndRequestId()
    {
        Operations.Stub(_api, DatabrainOperation.List, 200, "<html>maintenance</html>", ("x-request-id", "req-html-1"));

        var exception = await Record.ExceptionAsync(() => Client().GetDatasourcePageAsync(1));

        var malformed = exception.Should().BeOfType<DatabrainMalformedResponseException>().Subject;
        malformed.Status.Should().Be(200);
        malformed.RequestId.Should().Be("req-html-1");
        malformed.Message.Should().Be(
            "DataBrain list answered HTTP 200 with a body it could not read: the response has no data array (request id req-html-1).");
        _api.Received.Should().HaveCount(1, "an unreadable 2xx is not retried");
    }

    [Fact]
    public async Task List_WhenTheJsonHasNoDataArray_ThrowsAMalformedResponseError()
    {
        Operations.Stub(_api, DatabrainOperation.List, 200, """{"data":null,"error":null}""");

        var exception = await Record.ExceptionAsync(() => Client().GetDatasourcePageAsync(1));

        exception.Should().BeOfType<DatabrainMalformedResponseException>().Which.Status.Should().Be(200);
    }

    [Fact]
    public async Task NothingListening_IsAConnectionException_NotATimeout_AfterTheRetriesARefusedConnectionAllows()
    {
        var closedPort = Ports.ClosedAddress();
        var client = _api.CreateClient(o => o.BaseAddress = closedPort);

        var exception = await Record.ExceptionAsync(() => client.CreateDatasourceAsync(ApiServer.Postgres()));

        _api.RetryDelays.Should().HaveCount(3, "a refused connection proves nothing was sent, so even a create is retried");
        var connection = exception.Should().BeOfType<DatabrainConnectionException>().Subject;
        connection.Operation.Should().Be(DatabrainOperation.Create);
        connection.Status.Should().BeNull();
        TransportFailures.ShouldBeARefusedConnection(connection.InnerException);
        connection.ToString().Should().NotContain(ApiServer.Token);
    }

    private DatabrainClient Client() => _api.CreateClient();
}
