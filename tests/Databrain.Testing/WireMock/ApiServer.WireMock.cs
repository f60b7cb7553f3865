using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Databrain.Testing;

/// <summary><see cref="ApiServer"/> over WireMock (.NET): each stub is a WireMock mapping, the scenario a WireMock scenario.</summary>
public sealed partial class ApiServer
{
    private const string Scenario = "scenario";

    private readonly WireMockServer _server;

    public ApiServer()
    {
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(RecordAsync),
        });
    }

    public Uri BaseAddress => new(_server.Url!);

    public void Given(ApiStub stub, ApiReply reply)
    {
        var response = Response.Create().WithStatusCode(reply.Status);
        if (reply.Body is not null)
        {
            response = response.WithBody(reply.Body).WithHeader("Content-Type", reply.ContentType);
        }

        foreach (var (name, value) in reply.Headers)
        {
            response = response.WithHeader(name, value);
        }

        if (reply.Delay > TimeSpan.Zero)
        {
            response = response.WithDelay(reply.Delay);
        }

        if (reply.Fault != ApiFault.None)
        {
            response = response.WithFault(reply.Fault == ApiFault.EmptyResponse ? FaultType.EMPTY_RESPONSE : FaultType.MALFORMED_RESPONSE_CHUNK);
        }

        Map(stub).RespondWith(response);
    }

    /// <summary>Answers with what <paramref name="answer"/> makes of each request (with no delay or fault).</summary>
    public void Given(ApiStub stub, Func<ServerExchange, ApiReply> answer) =>
        Map(stub).RespondWith(Response.Create().WithCallback(request => Message(PerRequest(answer(Exchange(request))))));

    /// <summary>Forgets every stub and the scenario's state; what was received stays.</summary>
    public void ResetStubs()
    {
        _server.ResetMappings();
        _server.ResetScenarios();
    }

    public void Dispose() => _server.Stop();

    private IRespondWithAProvider Map(ApiStub stub)
    {
        CheckStates(stub);
        var request = Request.Create();
        request = stub.Method is null ? request.UsingAnyMethod() : request.UsingMethod(stub.Method);
        if (stub.Path is not null)
        {
            request = request.WithPath(stub.Path);
        }

        foreach (var (name, value) in stub.Query)
        {
            request = request.WithParam(name, value);
        }

        var mapping = _server.Given(request);
        if (stub.WhenState is null)
        {
            return mapping;
        }

        // A WireMock scenario's first state is "not started yet": a mapping without WhenStateIs.
        mapping = mapping.InScenario(Scenario);
        mapping = stub.WhenState == ApiStub.Started ? mapping : mapping.WhenStateIs(stub.WhenState);
        return stub.ThenState is null ? mapping : mapping.WillSetStateTo(stub.ThenState);
    }

    private static ResponseMessage Message(ApiReply reply)
    {
        var message = new ResponseMessage { StatusCode = reply.Status };
        if (reply.Body is not null)
        {
            message.BodyData = new BodyData { BodyAsString = reply.Body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 };
            message.AddHeader("Content-Type", reply.ContentType);
        }

        foreach (var (name, value) in reply.Headers)
        {
            message.AddHeader(name, value);
        }

        return message;
    }

    private static ServerExchange Exchange(IRequestMessage request) => new(
        request.Method,
        request.Path,
        request.RawQuery ?? string.Empty,
        request.Headers?.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value.ToArray()) ?? [],
        request.Body ?? string.Empty);

    private async Task RecordAsync(HttpContext context, Func<Task> next)
    {
        // Read the body and rewind it, so WireMock reads it too.
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var body = await reader.ReadToEndAsync();
        context.Request.Body.Position = 0;

        var exchange = new ServerExchange(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value.ToArray()!),
            body);
        _received.Enqueue(exchange);
        await next();
        exchange.Answered(context.Response.StatusCode);
    }
}
