using System.Net.Http.Headers;
using System.Security.Cryptography;
using Databrain.Emulator.Http;
using Databrain.Emulator.State;
using Databrain.Emulator.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Databrain.Emulator;

/// <summary>
/// A local, in-memory DataBrain datasource API on Kestrel, for tests and development.
/// </summary>
/// <remarks>
/// <para>
/// DataBrain endpoints: <c>POST</c>, <c>PUT</c>, <c>GET</c> and <c>DELETE /api/v2/datasource</c> and
/// <c>POST /api/v2/datasource/sync</c>, answering as the wire contract says, with the
/// <c>{"error": {"code", "message", "status"}}</c> envelope and an <c>x-request-id</c> header on
/// every response. Every call needs <c>Authorization: Bearer </c><see cref="ServiceToken"/>.
/// </para>
/// <para>
/// Emulator-only endpoints (same token): <c>GET /_emulator/datasources</c>,
/// <c>GET /_emulator/datasources/{name}/schema</c>, <c>PUT /_emulator/datasources/{name}/in-use</c>
/// <c>{"inUse": true}</c>, <c>PUT /_emulator/latency</c> <c>{"milliseconds": 250}</c>,
/// <c>POST /_emulator/failures</c> <c>{"count", "status", "code", "message"?, "retryAfterSeconds"?}</c>,
/// <c>POST /_emulator/failures/{operation}</c> <c>{"status", "code", "message"?, "retryAfterSeconds"?}</c> with
/// <c>"count"</c> or <c>"probability"</c> and <c>"seed"</c>, <c>DELETE /_emulator/failures</c>,
/// <c>PUT /_emulator/drops/{operation}</c> <c>{"timing": "AfterProcessing"}</c> with <c>"count"</c> or
/// <c>"probability"</c> and <c>"seed"</c>, <c>DELETE /_emulator/drops</c>, <c>GET /_emulator/requests</c>,
/// <c>PUT /_emulator/rate-limit</c> <c>{"permitLimit", "windowSeconds"}</c>,
/// <c>DELETE /_emulator/rate-limit</c>, <c>PUT /_emulator/probes/{datasourceType}</c> and
/// <c>PUT /_emulator/probes</c> (every type) <c>{"mode": "Accept"}</c>, <c>POST /_emulator/reset</c>.
/// </para>
/// <para>
/// The knobs (latency, failures, dropped connections, rate limit) apply to <c>/api</c> requests only, in this order:
/// latency, rate limit, failures (<see cref="FailNextRequests"/>, then the operation's <see cref="FailRequests"/>), a
/// drop before processing, authentication, the endpoint, a drop after processing.
/// </para>
/// </remarks>
public sealed class DatabrainEmulator : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly EmulatorRuntime _runtime;
    private int _disposed;

    private DatabrainEmulator(WebApplication app, EmulatorRuntime runtime, Uri baseAddress)
    {
        _app = app;
        _runtime = runtime;
        BaseAddress = baseAddress;
    }

    /// <summary>The 17 documented <c>datasourceType</c> values the emulator accepts.</summary>
    public static IReadOnlyList<string> SupportedDatasourceTypes => DatasourceCatalog.TypeNames;

    /// <summary>The root address the emulator listens on, ending with <c>/</c>, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The service token callers must send as <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public string ServiceToken => _runtime.ServiceToken;

    /// <summary>
    /// A delay applied before each <c>/api</c> request is answered (measured by the options'
    /// <see cref="DatabrainEmulatorOptions.TimeProvider"/>); <see cref="TimeSpan.Zero"/> for none.
    /// </summary>
    public TimeSpan Latency
    {
        get => _runtime.Latency;
        set => _runtime.Latency = value;
    }

    /// <summary>
    /// A random extra delay before each <c>/api</c> request is answered, drawn uniformly below this value (not seeded),
    /// on top of <see cref="Latency"/>; <see cref="TimeSpan.Zero"/> for none.
    /// </summary>
    public TimeSpan LatencyJitter
    {
        get => _runtime.LatencyJitter;
        set => _runtime.LatencyJitter = value;
    }

    /// <summary>
    /// Every <c>/api</c> request handled since start or the last <see cref="Reset"/>, in the order handling finished;
    /// empty unless <see cref="DatabrainEmulatorOptions.RecordRequests"/> is set.
    /// </summary>
    public IReadOnlyList<EmulatedRequest> Requests => _runtime.Requests.Snapshot();

    /// <summary>How many injected failures are still to be answered; see <see cref="FailNextRequests"/>.</summary>
    public int PendingFailures => _runtime.Faults.Remaining;

    /// <summary>Snapshots of every datasource, in creation order.</summary>
    public IReadOnlyList<EmulatedDatasource> Datasources => _runtime.Store.List();

    /// <summary>Starts an emulator.</summary>
    /// <param name="options">The set-up; defaults listen on loopback on a free port with a random token.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static async Task<DatabrainEmulator> StartAsync(DatabrainEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DatabrainEmulatorOptions();
        var token = string.IsNullOrEmpty(options.ServiceToken) ? GenerateServiceToken() : options.ServiceToken;

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DatabrainEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        // Isolated from the host process: no appsettings.json or ASPNETCORE_* of the test project
        // (a "Kestrel" section there would move the emulator's endpoint).
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        options.ConfigureLogging?.Invoke(builder.Logging);
        // ASP.NET Core's own request logs are not needed; the emulator logs each answer itself.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.UseUrls(string.IsNullOrWhiteSpace(options.Urls) ? DatabrainEmulatorOptions.LoopbackAnyPort : options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var app = builder.Build();
        try
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Databrain.Emulator");
            var runtime = new EmulatorRuntime(options, token, logger);
            EmulatorEndpoints.Map(app, runtime);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Urls.First().TrimEnd('/') + "/";
            return new DatabrainEmulator(app, runtime, new Uri(address));
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A new <see cref="HttpClient"/> aimed at <see cref="BaseAddress"/> that sends the service token.</summary>
    /// <returns>The client; the caller disposes it.</returns>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServiceToken);
        return client;
    }

    /// <summary>A snapshot of one datasource.</summary>
    /// <param name="name">The exact, case-sensitive name.</param>
    /// <returns>The snapshot, or <see langword="null"/> when no datasource has that name.</returns>
    public EmulatedDatasource? FindDatasource(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _runtime.Store.Find(name);
    }

    /// <summary>
    /// Answers the next <paramref name="count"/> <c>/api</c> requests with an error envelope instead
    /// of handling them. Replaces any failures still pending.
    /// </summary>
    /// <param name="count">How many requests to fail (at least 1).</param>
    /// <param name="statusCode">The HTTP status, for example 500 or 503.</param>
    /// <param name="errorCode">The <c>error.code</c>, for example <c>INTERNAL_SERVER_ERROR</c>.</param>
    /// <param name="message">The <c>error.message</c>; a default naming the code when <see langword="null"/>.</param>
    /// <param name="retryAfter">When set, a <c>Retry-After</c> header in whole seconds (rounded up).</param>
    public void FailNextRequests(int count, int statusCode, string errorCode, string? message = null, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        if (retryAfter is { } delay)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero, nameof(retryAfter));
        }

        _runtime.Faults.Set(count, new InjectedFault(statusCode, errorCode, message ?? ControlApi.DefaultFaultMessage(errorCode), retryAfter));
    }

    /// <summary>
    /// Answers requests of one operation with an error envelope instead of handling them, on a
    /// <paramref name="schedule"/>: the next N, or each with a seeded probability. Replaces the rule this operation
    /// had for the same <paramref name="statusCode"/>; rules with other statuses stay and are checked in the order
    /// they were set, after <see cref="FailNextRequests"/>.
    /// </summary>
    /// <param name="operation">The operation whose requests fail.</param>
    /// <param name="schedule">Which of them: <see cref="FaultSchedule.Next"/> or <see cref="FaultSchedule.WithProbability"/>.</param>
    /// <param name="statusCode">The HTTP status, for example 503 or 429.</param>
    /// <param name="errorCode">The <c>error.code</c>, for example <c>TOO_MANY_REQUESTS</c>.</param>
    /// <param name="message">The <c>error.message</c>; a default naming the code when <see langword="null"/>.</param>
    /// <param name="retryAfter">When set, a <c>Retry-After</c> header in whole seconds (rounded up; zero gives <c>0</c>).</param>
    public void FailRequests(EmulatorOperation operation, FaultSchedule schedule, int statusCode, string errorCode, string? message = null, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(Enum.IsDefined(operation), true, nameof(operation));
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        if (retryAfter is { } delay)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero, nameof(retryAfter));
        }

        _runtime.OperationFaults.SetFailure(
            operation, new InjectedFault(statusCode, errorCode, message ?? ControlApi.DefaultFaultMessage(errorCode), retryAfter), schedule);
    }

    /// <summary>Cancels the failures still pending and every rule set by <see cref="FailRequests"/>.</summary>
    public void ClearFailures()
    {
        _runtime.Faults.Clear();
        _runtime.OperationFaults.ClearFailures();
    }

    /// <summary>
    /// Aborts the connection of requests of one operation without sending any answer (no status line), on a
    /// <paramref name="schedule"/>. With <see cref="ConnectionDropTiming.AfterProcessing"/> the request is processed
    /// in full first (a create creates; the answer it would have sent is withheld): the case where a caller cannot tell
    /// whether its request happened. With <see cref="ConnectionDropTiming.BeforeProcessing"/> nothing is processed.
    /// Replaces the drop this operation had for the same timing.
    /// </summary>
    /// <param name="operation">The operation whose requests are dropped.</param>
    /// <param name="timing">Before or after processing.</param>
    /// <param name="schedule">Which of them: <see cref="FaultSchedule.Next"/> or <see cref="FaultSchedule.WithProbability"/>.</param>
    public void DropConnections(EmulatorOperation operation, ConnectionDropTiming timing, FaultSchedule schedule)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(Enum.IsDefined(operation), true, nameof(operation));
        ArgumentOutOfRangeException.ThrowIfNotEqual(Enum.IsDefined(timing), true, nameof(timing));
        ArgumentNullException.ThrowIfNull(schedule);
        _runtime.OperationFaults.SetDrop(operation, timing, schedule);
    }

    /// <summary>Cancels every drop set by <see cref="DropConnections"/>.</summary>
    public void ClearConnectionDrops() => _runtime.OperationFaults.ClearDrops();

    /// <summary>
    /// Limits <c>/api</c> requests to <paramref name="permitLimit"/> per fixed window; the next ones
    /// get <c>429 TOO_MANY_REQUESTS</c> with <c>Retry-After</c> (seconds left in the window).
    /// </summary>
    /// <param name="permitLimit">Requests allowed per window (at least 1).</param>
    /// <param name="window">The window length; the first window starts now.</param>
    public void SetRateLimit(int permitLimit, TimeSpan window) => _runtime.RateLimit.Configure(permitLimit, window);

    /// <summary>Removes the rate limit.</summary>
    public void ClearRateLimit() => _runtime.RateLimit.Disable();

    /// <summary>Replaces the connection probe of one datasource type until <see cref="Reset"/>.</summary>
    /// <param name="datasourceType">The wire value of <c>datasourceType</c>.</param>
    /// <param name="probe">The probe.</param>
    public void SetConnectionProbe(string datasourceType, IConnectionProbe probe)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasourceType);
        ArgumentNullException.ThrowIfNull(probe);
        _runtime.Probes.Set(datasourceType, probe);
    }

    /// <summary>Replaces the connection probe of one datasource type with a built-in one until <see cref="Reset"/>.</summary>
    /// <param name="datasourceType">The wire value of <c>datasourceType</c>.</param>
    /// <param name="mode">The built-in probe.</param>
    public void SetConnectionProbe(string datasourceType, ConnectionProbeMode mode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasourceType);
        _runtime.Probes.Set(datasourceType, mode);
    }

    /// <summary>Uses one built-in probe for every type until <see cref="Reset"/>; <see cref="ConnectionProbeMode.Accept"/> disables connection tests.</summary>
    /// <param name="mode">The built-in probe.</param>
    public void SetConnectionProbeForAllTypes(ConnectionProbeMode mode) => _runtime.Probes.SetAll(mode);

    /// <summary>Marks a datasource as used by other resources, so that deleting it fails with <c>DATASOURCE_IN_USE</c>.</summary>
    /// <param name="name">The exact name.</param>
    /// <param name="inUse">Whether it is in use.</param>
    /// <returns><see langword="false"/> when no datasource has that name.</returns>
    public bool SetInUse(string name, bool inUse)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _runtime.Store.TrySetInUse(name, inUse);
    }

    /// <summary>
    /// Back to the state after start: no datasources, the options' latency, jitter, probes and rate limit (a fresh
    /// window; none unless <see cref="DatabrainEmulatorOptions.RateLimitPermitLimit"/> is set), no pending failures or
    /// drops, an empty request log. The token and address stay.
    /// </summary>
    public void Reset() => _runtime.Reset();

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(StopTimeout))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A random token: 32 hex digits behind a recognisable prefix.</summary>
    internal static string GenerateServiceToken() => "dbemu_" + RandomNumberGenerator.GetHexString(32, lowercase: true);
}
