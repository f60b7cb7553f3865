using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Databrain.Client.Tests.Observability;

/// <summary>
/// A seeded, property-based hunt for secrets in everything the SDK shows: random secrets in every credential type,
/// driven through create and update against one API server that succeeds, fails with every error code, echoes
/// the secrets and the token (raw, JSON-escaped, each JSON-escaped alone, with Windows line endings, URL-encoded,
/// across the 500-character cut, in the code, in a header, in HTML), or fails transiently so the call is retried.
/// Secrets sit at every depth: nested in escape-hatch objects and arrays, and inside BigQuery's key file. Every log
/// line (all categories, Trace), activity, metric tag, exception and model string is searched. Reproduce with LEAK_HUNT_SEED=&lt;seed&gt; (and LEAK_HUNT_CASES).
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class LeakHuntTests(ITestOutputHelper output) : IDisposable
{
    private const int WindowLength = 8;

    private static readonly JsonSerializerOptions DefaultEscaping = new();
    private static readonly JsonSerializerOptions RelaxedEscaping = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ApiServer _api = new();
    private readonly ConcurrentDictionary<string, LeakCase> _cases = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task NoSecretOrToken_AppearsInLogsTracesMetricsExceptionsOrModels()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("LEAK_HUNT_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next();
        var count = int.TryParse(Environment.GetEnvironmentVariable("LEAK_HUNT_CASES"), CultureInfo.InvariantCulture, out var n) ? n : 1000;
        output.WriteLine($"leak hunt: seed {seed}, {count} cases (LEAK_HUNT_SEED={seed} reproduces)");
        var (token, tokenCore) = LeakCaseGenerator.Token(seed);

        _api.Given(new ApiStub(Method: null, Path: null), request => Answer(request, token));

        var logs = new CapturingLoggerProvider();
        using var telemetry = new TelemetryCapture(everything: true);
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        void Configure(DatabrainClientOptions o)
        {
            o.BaseAddress = _api.BaseAddress;
            o.ServiceToken = token;
            o.Resilience.CircuitBreaker.Enabled = false;
        }

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(_api.Clock);
        services.AddDatabrainClient(Configure);
        await using var provider = services.BuildServiceProvider();
        var viaDi = provider.GetRequiredService<DatabrainClient>();
        var options = new DatabrainClientOptions();
        Configure(options);
        var direct = new DatabrainClient(options, transport: null, _api.Clock, loggerFactory);

        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>();
        var clock = Stopwatch.StartNew();
        var ran = 0;
        for (var i = 0; i < count && failures.Count < 10; i++, ran++)
        {
            var leakCase = LeakCaseGenerator.Create(seed, i);
            _cases[leakCase.Name] = leakCase;
            logs.Clear();
            telemetry.Clear();

            var client = leakCase.ViaDependencyInjection ? viaDi : direct;
            Exception? thrown = null;
            string? result = null;
            try
            {
                result = leakCase.Create
                    ? (await client.CreateDatasourceAsync(leakCase.Credentials)).ToString()
                    : (await client.UpdateDatasourceAsync(leakCase.Credentials)).ToString();
            }
            catch (Exception e)
            {
                thrown = e;
            }

            var kind = thrown?.GetType().Name ?? "success";
            outcomes[kind] = outcomes.GetValueOrDefault(kind) + 1;

            var texts = new List<(string Where, string Text)>();
            texts.AddRange(logs.Logs.SelectMany(l => l.Texts().Select(t => ($"log {l.Category}/{l.EventId}", t))));
            texts.AddRange(telemetry.Texts().Select(t => ("telemetry", t)));
            texts.Add(("credentials.ToString()", leakCase.Credentials.ToString()));
            texts.Add(("request.ToString()", new Transport.DatasourceRequest(leakCase.Credentials, null).ToString()));
            texts.Add(("options.ToString()", options.ToString()));
            texts.Add(("result", result ?? string.Empty));
            for (var e = thrown; e is not null; e = e.InnerException)
            {
                texts.Add(($"{e.GetType().Name}.ToString()", e.ToString()));
                foreach (DictionaryEntry entry in e.Data)
                {
                    texts.Add(($"{e.GetType().Name}.Data", $"{entry.Key}={entry.Value}"));
                }

                if (e.GetType().Namespace is { } ns && (ns.StartsWith("Refit", StringComparison.Ordinal) || ns.StartsWith("Polly", StringComparison.Ordinal)))
                {
                    failures.Add($"seed {seed} {leakCase}: exception chain holds {e.GetType().FullName}");
                }
            }

            foreach (var core in leakCase.Cores.Append(tokenCore))
            {
                // A number's or a hex id's 8-character window could turn up by chance (in a trace id, say): search those whole.
                var windowLength = core.All(char.IsAsciiHexDigit) ? core.Length : WindowLength;
                for (var start = 0; start + windowLength <= core.Length; start++)
                {
                    var window = core.Substring(start, windowLength);
                    foreach (var (where, text) in texts)
                    {
                        var at = text.IndexOf(window, StringComparison.Ordinal);
                        if (at >= 0)
                        {
                            failures.Add($"seed {seed} {leakCase}: '{window}' (of {(core == tokenCore ? "the token" : "a secret")}) in {where}: " +
                                text.Substring(Math.Max(0, at - 60), Math.Min(text.Length - Math.Max(0, at - 60), 140)));
                            break;
                        }
                    }
                }
            }
        }

        output.WriteLine($"{ran} cases in {clock.Elapsed.TotalSeconds:0.0} s; outcomes: " +
            string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}")));
        failures.Should().BeEmpty($"no secret may leak (seed {seed}; rerun with LEAK_HUNT_SEED={seed})");
        outcomes.Keys.Should().Contain(["success", nameof(DatabrainServerException), nameof(DatasourceNameConflictException)],
            "the hunt must reach successes, server errors and mapped codes");
    }

    private ApiReply Answer(ServerExchange request, string token)
    {
        if (request.Method == "GET")
        {
            return Json(200, """{"data":[]}""");
        }

        var name = JsonDocument.Parse(request.Body).RootElement.GetProperty("credentials").GetProperty("name").GetString()!;
        var leakCase = _cases[name];
        var attempt = _attempts.AddOrUpdate(name, 1, static (_, a) => a + 1);
        var secrets = leakCase.Secrets.Append(token).ToList();
        var raw = string.Join(" | ", secrets);
        string Error(string code, string message) =>
            JsonSerializer.Serialize(new { error = new { code, message } });

        return leakCase.Outcome switch
        {
            LeakOutcome.Success => Json(200, JsonSerializer.Serialize(new { name })),
            LeakOutcome.ErrorCode => Json(leakCase.ErrorStatus, Error(leakCase.ErrorCode, "could not connect with " + raw)),
            LeakOutcome.EchoRaw => Json(400, Error("CREDENTIAL_TEST_FAILED", "password authentication failed: " + raw)),
            LeakOutcome.EchoJsonEscaped => Json(400, Error("INVALID_REQUEST_BODY", "bad body: " + request.Body + " token " + JsonSerializer.Serialize(token))),
            LeakOutcome.EchoEachJsonEscaped => Json(400, Error("INVALID_REQUEST_BODY", "bad values: " + string.Join(", ", secrets.Select(x =>
                JsonSerializer.Serialize(x, leakCase.Index % 2 == 0 ? DefaultEscaping : RelaxedEscaping))))),
            LeakOutcome.EchoWithWindowsLineEndings => Json(400, Error("CREDENTIAL_TEST_FAILED", "failed: " + raw.ReplaceLineEndings("\r\n"))),
            LeakOutcome.EchoUrlEncoded => Json(400, Error("CREDENTIAL_TEST_FAILED",
                string.Join(" ", secrets.Select(x => $"postgres://u:{Uri.EscapeDataString(x)}@h/db {WebUtility.UrlEncode(x)}")))),
            LeakOutcome.EchoAcrossTheCut => Json(500, Error("INTERNAL_SERVER_ERROR",
                new string('x', Math.Max(0, 500 - ((leakCase.Secrets.FirstOrDefault()?.Length ?? token.Length) / 2))) + (leakCase.Secrets.FirstOrDefault() ?? token))),
            LeakOutcome.EchoInCode => Json(leakCase.ErrorStatus, Error(leakCase.Secrets.FirstOrDefault() ?? token, "code echo")),
            LeakOutcome.EchoInRequestId => Json(500, Error("INTERNAL_SERVER_ERROR", "see request id"), ("x-request-id", token)),
            LeakOutcome.EchoAsStringError => Json(400, JsonSerializer.Serialize(new { error = "failed: " + raw })),
            LeakOutcome.EchoInHtml => Text(502, "<html><body>bad gateway " + raw + "</body></html>", "text/html"),
            LeakOutcome.UnavailableThenSuccess => attempt == 1 ? Json(503, Error("UNAVAILABLE", raw)) : Json(200, JsonSerializer.Serialize(new { name })),
            LeakOutcome.RateLimitedThenSuccess => attempt == 1
                ? Json(429, Error("RATE_LIMITED", raw), ("Retry-After", "0"))
                : Json(200, JsonSerializer.Serialize(new { name })),
            LeakOutcome.AlwaysUnavailable => Json(503, Error("INTERNAL_SERVER_ERROR", raw)),
            _ => throw new InvalidOperationException(leakCase.Outcome.ToString()),
        };
    }

    private static ApiReply Json(int status, string body, params (string Name, string Value)[] headers) =>
        Text(status, body, "application/json", headers);

    private static ApiReply Text(int status, string body, string contentType, params (string Name, string Value)[] headers) =>
        new(status, body) { ContentType = contentType, Headers = headers };
}
