#if NETFRAMEWORK
using System.Net;
using System.Reflection;
using Databrain.Client.Tests.Resilience;

namespace Databrain.Client.Tests.Runtime;

/// <summary>
/// The SDK over .NET Framework's own HTTP stack: <see cref="HttpWebRequest"/> and the host's
/// <see cref="ServicePoint"/>, which is what its connection pool is on Windows. Mono's <see cref="HttpClientHandler"/>
/// is a port of .NET's socket handler instead, and Mono has no switch to change that, so on Mono the handler is built
/// over Mono's HttpWebRequest (its internal <c>MonoWebRequestHandler</c>, by reflection). The service-point settings
/// and the <see cref="WebException"/> forms of a transport failure then run for real, not only as synthetic
/// exceptions (<see cref="TransportFailures"/>).
/// </summary>
public sealed class WebRequestStackTests : IDisposable
{
    private const string PostgresBody = """
        {"datasourceType":"postgres","credentials":{"name":"production-postgres","host":"db.example.com","port":5432,
         "username":"dbuser","password":"securepassword","database":"analytics","schema":"public"}}
        """;

    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public void TheHandlerUnderTest_SendsThroughHttpWebRequest()
    {
        using var handler = WebRequestHandler();

        var inner = typeof(HttpClientHandler).GetField("_delegatingHandler", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(handler);

        if (IsMono)
        {
            inner.Should().NotBeNull().And.Subject.GetType().FullName.Should().Be("System.Net.Http.MonoWebRequestHandler");
        }
        else
        {
            inner.Should().BeNull(".NET Framework's HttpClientHandler is HttpWebRequest itself");
        }
    }

    [Fact]
    public async Task ACreate_SendsTheDocumentedBody_WithoutExpect100Continue_OverAServicePointWithDotNetsSettings()
    {
        _api.Given("POST", ApiServer.DatasourcePath, 200, """{"name":"production-postgres"}""");
        using var http = new HttpClient(WebRequestHandler());

        var created = await _api.CreateClient(transport: http).CreateDatasourceAsync(ApiServer.Postgres());

        created.Name.Should().Be("production-postgres");
        var request = _api.Received.Should().ContainSingle().Subject;
        // .NET Framework's handler sends "Expect: 100-continue" before a body unless the service point says not to;
        // Mono's sets the service point's flag from the request on each send, so there only the other settings bite.
        request.Headers.Keys.Should().NotContain(name => string.Equals(name, "Expect", StringComparison.OrdinalIgnoreCase));
        JsonAssert.Equivalent(PostgresBody, request.Body);
        var servicePoint = ServicePointManager.FindServicePoint(_api.BaseAddress);
        (servicePoint.UseNagleAlgorithm, servicePoint.ConnectionLimit, servicePoint.ConnectionLeaseTimeout)
            .Should().Be((false, int.MaxValue, 120_000), "the SDK gives the DataBrain host .NET's defaults and a 2-minute connection lease");
    }

    [Fact]
    public async Task NothingListening_ACreateIsRetried_AsNeverSent_AndEndsAsAConnectionFailure()
    {
        using var http = new HttpClient(WebRequestHandler());
        var client = _api.CreateClient(o => o.BaseAddress = Ports.ClosedAddress(), transport: http);

        var exception = await Record.ExceptionAsync(() => client.CreateDatasourceAsync(ApiServer.Postgres()));

        exception.Should().BeOfType<DatabrainConnectionException>()
            .Which.InnerException.Should().BeOfType<HttpRequestException>()
            .Which.InnerException.Should().BeOfType<WebException>()
            .Which.Status.Should().Be(WebExceptionStatus.ConnectFailure);
        _api.RetryDelays.Should().HaveCount(3, "a request that never connected is safe to resend, even a create");
    }

    [Fact]
    public async Task AResetAfterTheRequest_IsNotSafeToResend_SoACreateIsSentOnce_AndItsOutcomeIsLookedUp()
    {
        using var raw = new RawHttpServer(r => r.Method == "POST" ? RawAnswer.Reset : RawAnswer.Full(200, """{"data":[]}"""));
        using var http = new HttpClient(WebRequestHandler());
        var client = _api.CreateClient(o => o.BaseAddress = raw.BaseAddress, transport: http);

        var exception = await Record.ExceptionAsync(() => client.CreateDatasourceAsync(ApiServer.Postgres()));

        exception.Should().BeOfType<DatabrainOutcomeUnknownException>().Which.DatasourceExists.Should().BeFalse();
        exception!.InnerException.Should().BeOfType<DatabrainConnectionException>()
            .Which.InnerException.Should().BeOfType<HttpRequestException>()
            .Which.InnerException.Should().BeOfType<WebException>();
        raw.Received.Select(r => r.Method).Should().Equal("POST", "GET");
        _api.RetryDelays.Should().BeEmpty();
    }

    [Fact]
    public async Task AnAnswerCutOffMidBody_FailsTheExchange_AndAListIsSentAgain()
    {
        // Mono's HttpWebRequest reads the body before it hands over the response, and throws a bare WebException
        // (no HttpRequestException around it); .NET Framework's throws one from reading the body. Either way it is a
        // transport failure: a list is repeated, as on .NET.
        using var raw = new RawHttpServer(_ => RawAnswer.CutOff(200, """{"data":[{"name":"a"}]}"""));
        using var http = new HttpClient(WebRequestHandler());
        var client = _api.CreateClient(o => o.BaseAddress = raw.BaseAddress, transport: http);

        var exception = await Record.ExceptionAsync(() => client.GetDatasourcePageAsync(1));

        exception.Should().BeOfType<DatabrainConnectionException>();
        raw.Received.Should().HaveCount(4);
        _api.RetryDelays.Should().HaveCount(3);
    }

    [Fact]
    public async Task AWebExceptionWhileTheBodyIsRead_KeepsTheStatus_SoACreateAnswered200Succeeded()
    {
        // .NET Framework's HttpWebRequest hands over the response after its head; a reset while the body is read then
        // comes out of the response stream as a bare WebException. The 200 already says the server created it.
        using var http = new HttpClient(new CutOffBodyHandler());
        var client = _api.CreateClient(transport: http);

        var created = await client.CreateDatasourceAsync(ApiServer.Postgres());

        created.Name.Should().Be("production-postgres", "the name sent, since the answer could not be read");
        created.Status.Should().Be(200);
        _api.RetryDelays.Should().BeEmpty();
    }

    private static bool IsMono => Type.GetType("Mono.Runtime") is not null;

    /// <summary>An <see cref="HttpClientHandler"/> over HttpWebRequest: .NET Framework's own, or Mono's legacy one.</summary>
    private static HttpClientHandler WebRequestHandler()
    {
        if (!IsMono)
        {
            return new HttpClientHandler();
        }

        var assembly = typeof(HttpClientHandler).Assembly;
        var legacy = Activator.CreateInstance(assembly.GetType("System.Net.Http.MonoWebRequestHandler", throwOnError: true)!, nonPublic: true);
        var constructor = typeof(HttpClientHandler).GetConstructor(
            BindingFlags.NonPublic | BindingFlags.Instance, null, [assembly.GetType("System.Net.Http.IMonoHttpClientHandler", throwOnError: true)!], null);
        return (HttpClientHandler)constructor!.Invoke([legacy]);
    }

    /// <summary>Answers 200 with a body whose stream fails after its first bytes, as HttpWebRequest's does on a reset.</summary>
    private sealed class CutOffBodyHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StreamContent(new FailingStream()) { Headers = { ContentLength = 64 } },
            });
    }

    private sealed class FailingStream : Stream
    {
        private bool _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent)
            {
                throw new WebException("The underlying connection was closed: An unexpected error occurred on a receive.", WebExceptionStatus.ReceiveFailure);
            }

            _sent = true;
            var head = System.Text.Encoding.UTF8.GetBytes("{\"name\":\"produ");
            Array.Copy(head, 0, buffer, offset, head.Length);
            return head.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
#endif
