using System.Collections.Concurrent;
using System.Globalization;
using Databrain.Client;
using Databrain.Client.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Databrain.Testing;

/// <summary>
/// A WireMock server on loopback plus clients pointed at it. Clients built by <see cref="CreateClient"/> (or on
/// <see cref="Clock"/>) retry instantly: each retry delay is recorded in <see cref="RetryDelays"/> and none is waited for.
/// </summary>
public sealed class ApiServer : IDisposable
{
    public const string Token = "test-service-token-7f3a";
    public const string DatasourcePath = "/api/v2/datasource";
    public const string SyncPath = "/api/v2/datasource/sync";

    private ConcurrentQueue<ServerExchange> _received = new();

    public ApiServer()
    {
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(RecordAsync),
        });
    }

    public WireMockServer Server { get; }

    public Uri BaseAddress => new(Server.Url!);

    /// <summary>WireMock's log: written once a response is complete (after any delay).</summary>
    public IReadOnlyList<ILogEntry> Requests => Server.LogEntries.ToList();

    /// <summary>Every request in the order it arrived, recorded on arrival.</summary>
    public IReadOnlyList<ServerExchange> Received => _received.ToArray();

    /// <summary>The clock of this server's clients (the DI path registers it as the container's <see cref="TimeProvider"/>).</summary>
    public RetryRecordingClock Clock { get; } = new();

    /// <summary>The delays the clients' retry strategy asked for (and did not wait for), in order.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays => Clock.Waits;

    public DatabrainClientOptions Options(Action<DatabrainClientOptions>? configure = null)
    {
        var options = new DatabrainClientOptions { BaseAddress = BaseAddress, ServiceToken = Token };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A client of this server on <see cref="Clock"/>: retries wait nothing.</summary>
    public DatabrainClient CreateClient(Action<DatabrainClientOptions>? configure = null, ILoggerFactory? loggerFactory = null, HttpClient? transport = null) =>
        new(Options(configure), transport, Clock, loggerFactory);

    public void Given(string method, string path, int status, string? body, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithBody(body).WithHeader("Content-Type", "application/json");
        }

        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(response);
    }

    /// <summary>Page <paramref name="pageNumber"/> of list holds these names.</summary>
    public void GivenPage(int pageNumber, IReadOnlyList<string> names)
    {
        var body = "{\"data\":[" + string.Join(",", names.Select(n => $"{{\"name\":\"{n}\"}}")) + "]}";
        Server
            .Given(Request.Create().WithPath(DatasourcePath).UsingGet()
                .WithParam("isPagination", "true").WithParam("pageNumber", pageNumber.ToString(CultureInfo.InvariantCulture)))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
    }

    /// <summary>
    /// A WireMock scenario: the first request answers <paramref name="first"/>, the second <paramref name="second"/>,
    /// every later one 200 with <paramref name="body"/>.
    /// </summary>
    public void GivenFailsTwiceThenSucceeds(string method, string path, string body, int first = 503, int second = 503)
    {
        var request = Request.Create().WithPath(path).UsingMethod(method);
        Server.Given(request).InScenario("flaky").WillSetStateTo("failed once").RespondWith(Response.Create().WithStatusCode(first));
        Server.Given(request).InScenario("flaky").WhenStateIs("failed once").WillSetStateTo("failed twice")
            .RespondWith(Response.Create().WithStatusCode(second));
        Server.Given(request).InScenario("flaky").WhenStateIs("failed twice")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
    }

    /// <summary>Forgets every stub, scenario, recorded request and recorded delay.</summary>
    public void Reset()
    {
        Server.Reset();
        _received = new ConcurrentQueue<ServerExchange>();
        Clock.Clear();
    }

    public static PostgresCredentials Postgres(string name = "production-postgres") => new()
    {
        Name = name,
        Host = "db.example.com",
        Port = 5432,
        Username = "dbuser",
        Password = "securepassword",
        Database = "analytics",
        Schema = "public",
    };

    public void Dispose() => Server.Stop();

    private async Task RecordAsync(HttpContext context, Func<Task> next)
    {
        var exchange = new ServerExchange(context.Request.Method, context.Request.Path.Value ?? string.Empty);
        _received.Enqueue(exchange);
        await next();
        exchange.Answered(context.Response.StatusCode);
    }
}
