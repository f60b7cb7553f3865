using System.Collections.Concurrent;
using System.Globalization;
using Databrain.Client;
using Databrain.Client.Models;
using Microsoft.Extensions.Logging;

namespace Databrain.Testing;

/// <summary>
/// A stub DataBrain API on loopback plus clients pointed at it. Clients built by <see cref="CreateClient"/> (or on
/// <see cref="Clock"/>) retry instantly: each retry delay is recorded in <see cref="RetryDelays"/> and none is waited for.
/// The same surface on every target: WireMock serves it on .NET (ApiServer.WireMock.cs), a small server of our own
/// on .NET Framework, where WireMock's dependencies do not restore (ApiServer.Loopback.cs). Where several equally
/// specific stubs match a request, the one given last answers; a request no stub matches is answered 404.
/// </summary>
public sealed partial class ApiServer : IDisposable
{
    public const string Token = "test-service-token-7f3a";
    public const string DatasourcePath = "/api/v2/datasource";
    public const string SyncPath = "/api/v2/datasource/sync";

    private ConcurrentQueue<ServerExchange> _received = new();

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

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with the status, a JSON body (if any) and the headers.</summary>
    public void Given(string method, string path, int status, string? body, params (string Name, string Value)[] headers) =>
        Given(new ApiStub(method, path), new ApiReply(status, body) { Headers = headers });

    /// <summary>Page <paramref name="pageNumber"/> of list holds these names.</summary>
    public void GivenPage(int pageNumber, IReadOnlyList<string> names) =>
        Given(Page(pageNumber), new ApiReply(200, PageBody(names)));

    /// <summary>
    /// The first request answers <paramref name="first"/>, the second <paramref name="second"/>, every later one 200
    /// with <paramref name="body"/> (the server's scenario).
    /// </summary>
    public void GivenFailsTwiceThenSucceeds(string method, string path, string body, int first = 503, int second = 503)
    {
        Given(new ApiStub(method, path) { WhenState = ApiStub.Started, ThenState = "failed once" }, new ApiReply(first));
        Given(new ApiStub(method, path) { WhenState = "failed once", ThenState = "failed twice" }, new ApiReply(second));
        Given(new ApiStub(method, path) { WhenState = "failed twice" }, new ApiReply(200, body));
    }

    /// <summary>Forgets every stub, the scenario's state, every recorded request and every recorded delay.</summary>
    public void Reset()
    {
        ResetStubs();
        _received = new ConcurrentQueue<ServerExchange>();
        Clock.Clear();
    }

    /// <summary>A list request for page <paramref name="pageNumber"/>.</summary>
    public static ApiStub Page(int pageNumber) => new ApiStub("GET", DatasourcePath)
        .WithQuery("isPagination", "true")
        .WithQuery("pageNumber", pageNumber.ToString(CultureInfo.InvariantCulture));

    /// <summary>A list page's body holding these names.</summary>
    public static string PageBody(IEnumerable<string> names) =>
        "{\"data\":[" + string.Join(",", names.Select(n => $"{{\"name\":\"{n}\"}}")) + "]}";

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

    /// <summary>
    /// A reply made per request (Given with a function). WireMock delays and breaks only the replies given up front,
    /// so neither server takes a delay or fault here.
    /// </summary>
    private static ApiReply PerRequest(ApiReply reply) => reply.Delay == TimeSpan.Zero && reply.Fault == ApiFault.None
        ? reply
        : throw new NotSupportedException("A reply made per request carries no delay or fault.");

    private static void CheckStates(ApiStub stub)
    {
        if (stub.ThenState is not null && stub.WhenState is null)
        {
            throw new ArgumentException("A stub that moves the scenario says which state it answers in.", nameof(stub));
        }
    }
}
