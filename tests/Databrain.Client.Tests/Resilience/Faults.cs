using Databrain.Client.Tests.Client;

namespace Databrain.Client.Tests.Resilience;

/// <summary>
/// The fault matrix's rows, each with what every operation must end with. "Repeatable" is list, update and sync;
/// create and delete are retried only when the failure proves the server did not process them (no connection,
/// 429, 503). The faults EMPTY_RESPONSE and MALFORMED_RESPONSE_CHUNK (WireMock's, made the same way by the loopback
/// server on .NET Framework) answer a complete 200 with an empty or garbled body (they do not break the connection);
/// real resets come from <see cref="RawHttpServer"/>.
/// </summary>
public static class Faults
{
    public static readonly TimeSpan SlowAttemptTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(3);

    private const string Name = "production-postgres";

    public static IReadOnlyList<Fault> All { get; } =
    [
        new()
        {
            Name = "500",
            Stub = Status(500, """{"error":{"code":"INTERNAL_SERVER_ERROR","message":"boom"}}"""),
            Expect = Split(Failure<DatabrainServerException>(4, Backoff), Failure<DatabrainServerException>(1)),
        },
        new()
        {
            Name = "502",
            Stub = Status(502, """{"error":{"message":"bad gateway"}}"""),
            Expect = Split(Failure<DatabrainServerException>(4, Backoff), Failure<DatabrainServerException>(1)),
        },
        new()
        {
            Name = "502 HTML page",
            Stub = Status(502, "<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>", "text/html"),
            Expect = Split(Failure<DatabrainServerException>(4, NoHtmlInMessage), Failure<DatabrainServerException>(1, NoHtmlInMessage)),
        },
        new()
        {
            Name = "503",
            Stub = Status(503, """{"error":{"message":"unavailable"}}"""),
            Expect = Every(Failure<DatabrainServerException>(4, Backoff)),
        },
        new()
        {
            Name = "503 with Retry-After 2 s",
            Stub = Status(503, "", headers: ("Retry-After", "2")),
            Expect = Every(Failure<DatabrainServerException>(4, DelaysOf(2))),
        },
        new()
        {
            Name = "503 with Retry-After beyond the cap",
            Stub = Status(503, "", headers: ("Retry-After", "120")),
            Expect = Every(Failure<DatabrainServerException>(1)),
        },
        new()
        {
            Name = "504",
            Stub = Status(504, ""),
            Expect = Split(Failure<DatabrainServerException>(4, Backoff), Failure<DatabrainServerException>(1)),
        },
        new()
        {
            Name = "408",
            Stub = Status(408, ""),
            Expect = Split(Failure<DatabrainApiException>(4, Backoff), Failure<DatabrainApiException>(1)),
        },
        new()
        {
            Name = "429 without Retry-After",
            Stub = Status(429, """{"error":{"code":"RATE_LIMITED","message":"slow down"}}"""),
            Expect = Every(Failure<DatabrainRateLimitedException>(4, Backoff)),
        },
        new()
        {
            Name = "429 with Retry-After in seconds",
            Stub = Status(429, "", headers: ("Retry-After", "3")),
            Expect = Every(Failure<DatabrainRateLimitedException>(4, r =>
            {
                DelaysOf(3)(r);
                ((DatabrainRateLimitedException)r.Exception!).RetryAfter.Should().Be(TimeSpan.FromSeconds(3));
            })),
        },
        new()
        {
            Name = "429 with Retry-After as an HTTP date",
            Stub = (api, method, path) => Status(429, "", headers: ("Retry-After", DateTimeOffset.UtcNow.AddSeconds(20).ToString("R")))(api, method, path),
            Expect = Every(Failure<DatabrainRateLimitedException>(4, r =>
            {
                // An HTTP date has whole seconds and the clock moves on: about 20 s, never more.
                r.RetryDelays.Should().HaveCount(3).And.OnlyContain(d => d > TimeSpan.FromSeconds(15) && d <= TimeSpan.FromSeconds(20));
                ((DatabrainRateLimitedException)r.Exception!).RetryAfter!.Value.Should().BeGreaterThan(TimeSpan.FromSeconds(15)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(20));
            })),
        },
        new()
        {
            Name = "429 asking for longer than the cap",
            Stub = Status(429, "", headers: ("Retry-After", "120")),
            Expect = Every(Failure<DatabrainRateLimitedException>(1, r =>
                ((DatabrainRateLimitedException)r.Exception!).RetryAfter.Should().Be(TimeSpan.FromSeconds(120)))),
        },
        new()
        {
            Name = "empty 200 body",
            Stub = Status(200, ""),
            Expect = UnreadableSuccessBody,
        },
        new()
        {
            Name = "malformed JSON 200 body",
            Stub = Status(200, """{"name":"production-postgres","data":[{"na"""),
            Expect = UnreadableSuccessBody,
        },
        new()
        {
            Name = "EMPTY_RESPONSE fault",
            Stub = Success(reply => reply with { Fault = ApiFault.EmptyResponse }),
            Expect = UnreadableSuccessBody,
        },
        new()
        {
            Name = "MALFORMED_RESPONSE_CHUNK fault",
            Stub = Success(reply => reply with { Fault = ApiFault.MalformedResponseChunk }),
            Expect = UnreadableSuccessBody,
        },
        new()
        {
            Name = "connection reset before the answer",
            Raw = RawAnswer.Reset,
            Expect = Split(Failure<DatabrainConnectionException>(4, Backoff), OutcomeUnknown(typeof(DatabrainConnectionException))),
        },
        new()
        {
            Name = "connection closed before the answer",
            Raw = RawAnswer.Close,

            // The handler itself may resend a request without a body when the server closes before answering (.NET's
            // does, 3 times: each of list's 4 attempts is then sent 4 times, harmless for a read). The SDK gives a
            // DELETE an empty body so this never happens to it; create, update and sync have bodies.
            Expect = op => op == DatabrainOperation.List
                ? new Expected(typeof(DatabrainConnectionException), 4 * (1 + TransportFailures.ResendsAfterACloseBeforeTheAnswer), Retries: 3) { Also = Backoff }
                : Split(Failure<DatabrainConnectionException>(4, Backoff), OutcomeUnknown(typeof(DatabrainConnectionException)))(op),
        },
        new()
        {
            Name = "200 cut off mid-body",
            Raw = RawAnswer.CutOff(200, """{"data":[{"name":"a"}],"name":"production-postgres","id":"3f1c"}"""),
            Expect = op => op == DatabrainOperation.List
                ? Failure<DatabrainConnectionException>(4, Backoff)
                : UnreadableSuccessBody(op),
        },
        new()
        {
            Name = "503 cut off mid-body",
            Raw = RawAnswer.CutOff(503, """{"error":{"code":"SERVICE_UNAVAILABLE","message":"try later"}}"""),
            Expect = Every(Failure<DatabrainServerException>(4, r => r.Exception.As<DatabrainServerException>().Status.Should().Be(503))),
        },
        new()
        {
            Name = "answer slower than the attempt timeout",
            Stub = Success(reply => reply with { Delay = SlowAnswer }),
            AttemptTimeout = SlowAttemptTimeout,
            Expect = Split(
                new Expected(typeof(DatabrainTimeoutException), 4, TimedOutAttempts: 4)
                {
                    Also = r => r.Exception.As<DatabrainTimeoutException>().Timeout.Should().Be(SlowAttemptTimeout),
                },
                OutcomeUnknown(typeof(DatabrainTimeoutException)) with { TimedOutAttempts = 1 }),
        },
        new()
        {
            Name = "503 twice, then success",
            Stub = (api, method, path) => api.GivenFailsTwiceThenSucceeds(method, path, Operations.SuccessBody(OperationOf(method, path))),
            Expect = op => Expected.Success(3, Operations.DescribedSuccess(op)) with { Also = Backoff },
        },
        new()
        {
            Name = "nothing listening",
            NothingListening = true,
            Expect = Every(new Expected(typeof(DatabrainConnectionException), 0, Retries: 3)
            {
                Also = r => TransportFailures.ShouldBeARefusedConnection(r.Exception!.InnerException),
            }),
        },
    ];

    public static Fault Named(string name) => All.Single(f => f.Name == name);

    /// <summary>
    /// An unreadable but complete 2xx: the status says the server did it, so create and update return the name that
    /// was sent, delete and sync return no details; list, whose answer is its body, cannot and throws a malformed-response
    /// error with status 200.
    /// Nothing is retried.
    /// </summary>
    private static Expected UnreadableSuccessBody(DatabrainOperation operation) => operation switch
    {
        DatabrainOperation.List => Failure<DatabrainMalformedResponseException>(1, r => r.Exception.As<DatabrainMalformedResponseException>().Status.Should().Be(200)),
        DatabrainOperation.Create => Expected.Success(1, "created: " + Name),
        DatabrainOperation.Update => Expected.Success(1, "updated: " + Name),
        DatabrainOperation.Delete => Expected.Success(1, "deleted: (no id)"),
        DatabrainOperation.Sync => Expected.Success(1, "synced: (no message)"),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static Expected OutcomeUnknown(Type cause) => new(typeof(DatabrainOutcomeUnknownException), 1)
    {
        Also = r =>
        {
            var unknown = r.Exception.As<DatabrainOutcomeUnknownException>();
            unknown.Operation.Should().Be(r.Operation);
            unknown.DatasourceName.Should().Be(Name);
            unknown.DatasourceExists.Should().BeFalse("the lookup's list page is empty");
            unknown.InnerException.Should().BeOfType(cause);
        },
    };

    private static Expected Failure<TException>(int requests, Action<CellResult>? also = null)
        where TException : DatabrainException => Expected.Failure<TException>(requests) with { Also = also };

    private static Func<DatabrainOperation, Expected> Every(Expected expected) => _ => expected;

    private static Func<DatabrainOperation, Expected> Split(Expected repeatable, Expected unrepeatable) =>
        op => Operations.IsRepeatable(op) ? repeatable : unrepeatable;

    /// <summary>Jittered exponential backoff from a 1 s base: the n-th delay is within [2^(n-1) / 2, 2^(n-1)] seconds.</summary>
    private static void Backoff(CellResult result)
    {
        for (var i = 0; i < result.RetryDelays.Count; i++)
        {
            var ceiling = TimeSpan.FromSeconds(Math.Pow(2, i));
            result.RetryDelays[i].Should().BeGreaterThanOrEqualTo(TimeSpan.FromTicks(ceiling.Ticks / 2)).And.BeLessThanOrEqualTo(ceiling, $"retry {i + 1} backs off exponentially");
        }
    }

    private static Action<CellResult> DelaysOf(int seconds) =>
        r => r.RetryDelays.Should().HaveCount(3).And.OnlyContain(d => d == TimeSpan.FromSeconds(seconds));

    private static void NoHtmlInMessage(CellResult result) =>
        result.Exception!.Message.Should().NotContain("<html").And.NotContain("nginx");

    private static Action<ApiServer, string, string> Status(int status, string body, string contentType = "application/json", params (string Name, string Value)[] headers) =>
        (api, method, path) => api.Given(new ApiStub(method, path), new ApiReply(status, body) { ContentType = contentType, Headers = headers });

    /// <summary>The operation's success answer, changed by <paramref name="change"/>.</summary>
    private static Action<ApiServer, string, string> Success(Func<ApiReply, ApiReply> change) =>
        (api, method, path) => api.Given(new ApiStub(method, path), change(new ApiReply(200, Operations.SuccessBody(OperationOf(method, path)))));

    private static DatabrainOperation OperationOf(string method, string path) =>
        Enum.GetValues<DatabrainOperation>().Single(op => Operations.Method(op) == method && Operations.Path(op) == path);
}
