namespace Databrain.Testing;

/// <summary>
/// <see cref="ApiServer"/> over <see cref="LoopbackHttpServer"/> (.NET Framework): the stubs are matched here, the
/// way WireMock matches them on .NET (the last stub given that matches answers; no match is a 404, with WireMock's
/// body), so the tests read the same on every target.
/// </summary>
public sealed partial class ApiServer
{
    private const string NoMatch = """{"Status":"No matching mapping found"}""";

    private readonly LoopbackHttpServer _server;
    private readonly object _gate = new();
    private List<(ApiStub Stub, Func<ServerExchange, ApiReply> Answer)> _stubs = [];
    private string _state = ApiStub.Started;

    public ApiServer()
    {
        _server = new LoopbackHttpServer(Answer);
    }

    public Uri BaseAddress => _server.BaseAddress;

    public void Given(ApiStub stub, ApiReply reply) => Add(stub, _ => reply);

    /// <summary>Answers with what <paramref name="answer"/> makes of each request (with no delay or fault).</summary>
    public void Given(ApiStub stub, Func<ServerExchange, ApiReply> answer) => Add(stub, request => PerRequest(answer(request)));

    /// <summary>Forgets every stub and the scenario's state; what was received stays.</summary>
    public void ResetStubs()
    {
        lock (_gate)
        {
            _stubs = [];
            _state = ApiStub.Started;
        }
    }

    public void Dispose() => _server.Dispose();

    private void Add(ApiStub stub, Func<ServerExchange, ApiReply> answer)
    {
        CheckStates(stub);
        lock (_gate)
        {
            _stubs.Add((stub, answer));
        }
    }

    /// <summary>Records the request, then finds its stub and moves the scenario in one step (requests may arrive together).</summary>
    private ApiReply Answer(ServerExchange exchange)
    {
        _received.Enqueue(exchange);
        Func<ServerExchange, ApiReply> answer;
        lock (_gate)
        {
            var match = _stubs.LastOrDefault(s => Matches(s.Stub, exchange));
            if (match.Answer is null)
            {
                return new ApiReply(404, NoMatch);
            }

            _state = match.Stub.ThenState ?? _state;
            answer = match.Answer;
        }

        return answer(exchange);
    }

    private bool Matches(ApiStub stub, ServerExchange exchange) =>
        (stub.Method is null || string.Equals(stub.Method, exchange.Method, StringComparison.OrdinalIgnoreCase))
        && (stub.Path is null || stub.Path == exchange.Path)
        && stub.Query.All(q => exchange.Query.TryGetValue(q.Name, out var values) && values.Contains(q.Value))
        && (stub.WhenState is null || stub.WhenState == _state);
}
