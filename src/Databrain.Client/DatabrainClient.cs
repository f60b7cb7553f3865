using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Databrain.Client.Diagnostics;
using Databrain.Client.Models;
using Databrain.Client.Resilience;
using Databrain.Client.Secrets;
using Databrain.Client.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace Databrain.Client;

/// <summary>
/// Manages DataBrain datasources: create, update, list, delete and sync. Thread-safe; build one per
/// DataBrain organization and keep it (a singleton), or register it with
/// <c>services.AddDatabrainClient(...)</c>.
/// </summary>
/// <remarks>
/// Every method validates its input before anything is sent, and turns every failure into a
/// <see cref="DatabrainException"/> (the caller's own cancellation aside). Failed attempts are retried where that
/// is safe (<see cref="DatabrainClientOptions.Resilience"/>): list, update and sync on any transient failure, create
/// and delete only when the server provably did not process them; a create or delete that may have happened
/// without an answer throws <see cref="DatabrainOutcomeUnknownException"/>. Methods are virtual so tests can
/// mock the client; <see cref="DatabrainModelFactory"/> builds the results.
/// </remarks>
public class DatabrainClient
{
    private static readonly string[] RequestIdHeaders = ["x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id"];

    private readonly IDatabrainApi _api = null!;
    private readonly DatabrainClientOptions _options = null!;
    private SecretScrubber? _tokenScrubber;
    private readonly TimeProvider _timeProvider = TimeProvider.System;
    private readonly ILogger _logger = NullLogger.Instance;

    /// <summary>Creates a client that owns its HTTP stack (a shared, pooled connection handler). It logs nothing.</summary>
    /// <param name="options">Base address, token, timeouts and resilience; copied, so later changes have no effect.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public DatabrainClient(DatabrainClientOptions options)
        : this(options, transport: null, timeProvider: null, loggerFactory: null)
    {
    }

    /// <summary>
    /// Creates a client that owns its HTTP stack and logs each call and retry (category <c>Databrain.Client</c>; see
    /// docs/observability.md) through <paramref name="loggerFactory"/>.
    /// </summary>
    /// <param name="options">Base address, token, timeouts and resilience; copied, so later changes have no effect.</param>
    /// <param name="loggerFactory">Where log lines go; <see langword="null"/> logs nothing.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public DatabrainClient(DatabrainClientOptions options, ILoggerFactory? loggerFactory)
        : this(options, transport: null, timeProvider: null, loggerFactory)
    {
    }

    /// <summary>
    /// Creates a client that sends its requests through <paramref name="httpClient"/> (its handlers, proxy and
    /// certificates), adding the SDK's headers and policies on top. The base address comes from
    /// <paramref name="options"/>; the caller keeps ownership of <paramref name="httpClient"/>.
    /// </summary>
    /// <param name="httpClient">The caller's client.</param>
    /// <param name="options">Base address, token, timeouts and resilience; copied, so later changes have no effect.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public DatabrainClient(HttpClient httpClient, DatabrainClientOptions options)
        : this(httpClient, options, loggerFactory: null)
    {
    }

    /// <summary>
    /// Creates a client that sends its requests through <paramref name="httpClient"/>, adding the SDK's headers and
    /// policies on top, and logs each call and retry through <paramref name="loggerFactory"/>.
    /// </summary>
    /// <param name="httpClient">The caller's client; the caller keeps ownership of it.</param>
    /// <param name="options">Base address, token, timeouts and resilience; copied, so later changes have no effect.</param>
    /// <param name="loggerFactory">Where log lines go; <see langword="null"/> logs nothing.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public DatabrainClient(HttpClient httpClient, DatabrainClientOptions options, ILoggerFactory? loggerFactory)
        : this(options, httpClient ?? throw new ArgumentNullException(nameof(httpClient)), timeProvider: null, loggerFactory)
    {
    }

    /// <summary>For mocking only: a client with no transport. Every method of it must be overridden.</summary>
    protected DatabrainClient()
    {
    }

    // Without DI; tests pass a fake clock, which the resilience pipeline uses too.
    internal DatabrainClient(DatabrainClientOptions options, HttpClient? transport, TimeProvider? timeProvider, ILoggerFactory? loggerFactory = null)
    {
        _options = Freeze(options);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = loggerFactory?.CreateLogger(ResilienceLog.Category) ?? NullLogger.Instance;
        _api = DatabrainRefit.CreateApi(DatabrainHttpClientFactory.Create(_options, transport, _timeProvider, _logger));
    }

    // The DI path: the HttpClient comes from IHttpClientFactory with the SDK's handlers (resilience included) already in it.
    internal DatabrainClient(HttpClient httpClient, DatabrainClientOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _options = Freeze(options);
        _timeProvider = timeProvider;
        _logger = logger;
        httpClient.BaseAddress = _options.BaseAddress;
        httpClient.Timeout = Timeout.InfiniteTimeSpan;
        _api = DatabrainRefit.CreateApi(httpClient);
    }

    /// <summary>The address requests go to.</summary>
    public virtual Uri BaseAddress => _options.BaseAddress;

    /// <summary>Registers a new datasource. DataBrain tests the connection and caches the schema before it answers.</summary>
    /// <param name="credentials">The typed credentials, for example <see cref="PostgresCredentials"/>.</param>
    /// <param name="tenancySettings">How the datasource separates your clients' data, if it does.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created datasource's name.</returns>
    /// <exception cref="DatabrainValidationException">The input is invalid; nothing was sent.</exception>
    /// <exception cref="DatasourceNameConflictException">A datasource with this name already exists.</exception>
    /// <exception cref="CredentialTestFailedException">DataBrain could not connect with these credentials.</exception>
    /// <exception cref="DatabrainOutcomeUnknownException">
    /// The request may have reached DataBrain but no answer came; it was not sent again. See
    /// <see cref="DatabrainOutcomeUnknownException.DatasourceExists"/>.
    /// </exception>
    /// <exception cref="DatabrainException">Any other failure.</exception>
    public virtual async Task<string> CreateDatasourceAsync(
        DatasourceCredentials credentials, TenancySettings? tenancySettings = null, CancellationToken cancellationToken = default)
    {
        var request = PrepareWrite(DatabrainOperation.Create, credentials, tenancySettings);
        var call = new UnrepeatableCall(credentials.Name);
        var response = await SendAsync(
            DatabrainOperation.Create, (api, ct) => api.CreateAsync(request, call, ct), cancellationToken, call, credentials)
            .ConfigureAwait(false);

        // The name is the key we sent; a 2xx answer without it (an empty or unreadable body) still means created.
        return response?.Name ?? credentials.Name;
    }

    /// <summary>
    /// Replaces a datasource's credentials (the full object: DataBrain has no partial update). The type cannot
    /// change. Omitting <paramref name="tenancySettings"/> leaves the current settings unchanged.
    /// </summary>
    /// <param name="credentials">The full credentials; <see cref="DatasourceCredentials.Name"/> finds the datasource.</param>
    /// <param name="tenancySettings">New tenancy settings, or <see langword="null"/> to keep the current ones.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The datasource's name.</returns>
    /// <exception cref="DatabrainValidationException">The input is invalid; nothing was sent.</exception>
    /// <exception cref="DatasourceNotFoundException">No datasource has this name.</exception>
    /// <exception cref="CredentialTestFailedException">DataBrain could not connect with these credentials.</exception>
    /// <exception cref="DatabrainException">Any other failure.</exception>
    public virtual async Task<string> UpdateDatasourceAsync(
        DatasourceCredentials credentials, TenancySettings? tenancySettings = null, CancellationToken cancellationToken = default)
    {
        var request = PrepareWrite(DatabrainOperation.Update, credentials, tenancySettings);
        var response = await SendAsync(
            DatabrainOperation.Update, (api, ct) => api.UpdateAsync(request, ct), cancellationToken, credentials: credentials)
            .ConfigureAwait(false);
        return response?.Name ?? credentials.Name;
    }

    /// <summary>
    /// Every datasource of the organization, fetched a page of <see cref="DatasourcePage.PageSize"/> at a time
    /// as the enumeration goes. Stopping early sends no further request.
    /// </summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The datasources, in the server's order.</returns>
    /// <exception cref="DatabrainException">A page could not be fetched.</exception>
    public virtual async IAsyncEnumerable<DatasourceSummary> ListDatasourcesAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var pageNumber = 1; ; pageNumber++)
        {
            var page = await GetDatasourcePageAsync(pageNumber, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            if (page.IsLastPage)
            {
                yield break;
            }
        }
    }

    /// <summary>One page of datasources.</summary>
    /// <param name="pageNumber">The 1-based page number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page; <see cref="DatasourcePage.IsLastPage"/> says whether more may follow.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageNumber"/> is less than 1.</exception>
    /// <exception cref="DatabrainException">The page could not be fetched.</exception>
    public virtual async Task<DatasourcePage> GetDatasourcePageAsync(int pageNumber, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        var pageText = pageNumber.ToString(CultureInfo.InvariantCulture);
        var response = await SendAsync(
            DatabrainOperation.List, (api, ct) => api.ListAsync("true", pageText, ct), cancellationToken)
            .ConfigureAwait(false);
        if (response?.Data is not { } data)
        {
            throw new DatabrainApiException(DatabrainOperation.List, 200, null, "the response has no data array", null);
        }

        var items = new DatasourceSummary[data.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new DatasourceSummary(data[i]?.Name ?? string.Empty);
        }

        return new DatasourcePage(pageNumber, items);
    }

    /// <summary>Deletes the datasource with this name.</summary>
    /// <param name="name">The datasource's exact name (any characters; it is URL-encoded).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deleted datasource's id and the server's message.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    /// <exception cref="DatasourceNotFoundException">No datasource has this name.</exception>
    /// <exception cref="DatasourceInUseException">Other resources still use the datasource.</exception>
    /// <exception cref="DatabrainOutcomeUnknownException">
    /// The request may have reached DataBrain but no answer came; it was not sent again. See
    /// <see cref="DatabrainOutcomeUnknownException.DatasourceExists"/>.
    /// </exception>
    /// <exception cref="DatabrainException">Any other failure.</exception>
    public virtual async Task<DeletedDatasource> DeleteDatasourceAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var call = new UnrepeatableCall(name);
        var response = await SendAsync(
            DatabrainOperation.Delete, (api, ct) => api.DeleteAsync(name, call, ct), cancellationToken, call, datasourceName: name)
            .ConfigureAwait(false);
        return new DeletedDatasource(response?.Id, response?.Message);
    }

    /// <summary>Re-syncs a datasource's schema.</summary>
    /// <param name="datasourceId">The datasource's id (not its name).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The server's message, for example <c>Sync completed</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="datasourceId"/> is null, empty or white space.</exception>
    /// <exception cref="InvalidDatasourceIdException">The id is unknown or invalid.</exception>
    /// <exception cref="DatabrainException">Any other failure.</exception>
    public virtual async Task<string?> SyncDatasourceAsync(string datasourceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasourceId);
        var request = new SyncRequest(new SyncInput(datasourceId));
        var response = await SendAsync(
            DatabrainOperation.Sync, (api, ct) => api.SyncAsync(request, ct), cancellationToken)
            .ConfigureAwait(false);
        return response?.Data?.Message;
    }

    private static DatabrainClientOptions Freeze(DatabrainClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var copy = options.Clone();
        var problems = copy.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid DatabrainClientOptions: " + string.Join(" ", problems), nameof(options));
        }

        return copy;
    }

    private static DatasourceRequest PrepareWrite(DatabrainOperation operation, DatasourceCredentials credentials, TenancySettings? tenancySettings)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        DatasourceValidator.ThrowIfInvalid(credentials, tenancySettings, operation);
        return new DatasourceRequest(credentials.DatasourceType, credentials, tenancySettings);
    }

    // The deadline fired, not the caller's token (which is registered on the same source).
    private static bool TimedOut(CancellationTokenSource? deadline, CancellationToken cancellationToken) =>
        deadline?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested;

    private SecretScrubber Scrubber(DatasourceCredentials credentials) => SecretScrubber.For(credentials, _options.ServiceToken);

    // List, delete and sync send no credentials, but a server may still echo the service token.
    private SecretScrubber TokenScrubber => _tokenScrubber ??= SecretScrubber.ForToken(_options.ServiceToken);

    // The telemetry hook: an unobserved call goes straight to the core (no extra state machine, nothing allocated).
    private Task<T?> SendAsync<T>(
        DatabrainOperation operation,
        Func<IDatabrainApi, CancellationToken, Task<IApiResponse<T>>> call,
        CancellationToken cancellationToken,
        UnrepeatableCall? unrepeatable = null,
        DatasourceCredentials? credentials = null,
        string? datasourceName = null)
    {
        var scope = OperationScope.Start(operation, credentials, datasourceName, _options.BaseAddress, _logger, _timeProvider);
        var sent = SendCoreAsync(operation, call, cancellationToken, unrepeatable, credentials);
        return scope is null ? sent : scope.ObserveAsync(sent);
    }

    private async Task<T?> SendCoreAsync<T>(
        DatabrainOperation operation,
        Func<IDatabrainApi, CancellationToken, Task<IApiResponse<T>>> call,
        CancellationToken cancellationToken,
        UnrepeatableCall? unrepeatable,
        DatasourceCredentials? credentials)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // The SDK's own deadline, on the injected clock so tests need not wait for it. One source per call:
        // the caller's token is registered on it rather than linked through a second one.
        using var deadline = _options.Timeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(_options.Timeout, _timeProvider);
        using var callerCancellation = deadline is not null && cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), deadline)
            : default;

        IApiResponse<T> response;
        try
        {
            response = await call(_api, deadline?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException canceled) when (cancellationToken.IsCancellationRequested)
        {
            // Report the caller's own token, not the SDK's linked one.
            throw new OperationCanceledException(canceled.Message, canceled, cancellationToken);
        }
        catch (OperationCanceledException canceled)
        {
            throw await NoAnswerAsync(operation, canceled, TimedOut(deadline, cancellationToken), unrepeatable, cancellationToken)
                .ConfigureAwait(false);
        }

        using (response)
        {
            // Refit reports a transport failure inside the response. Its ApiRequestException holds the live
            // request (and its Authorization header), so only the transport's own exception travels on.
            if (response.HasRequestError(out var requestError))
            {
                var cause = requestError.InnerException;
                if (cause is IncompleteResponseException { StatusCode: { } status } incomplete)
                {
                    // The status line arrived and decides; the cut-off body only matters where it is the result.
                    if ((int)status is >= 200 and <= 299 && operation != DatabrainOperation.List)
                    {
                        return default;
                    }

                    throw (int)status is >= 200 and <= 299
                        ? new DatabrainConnectionException(operation, $"DataBrain {Verb(operation)}: the answer was cut off before its body was complete.", incomplete.InnerException)
                        : ErrorMapper.Map(operation, (int)status, null, "the response body was cut off", null, null);
                }

                throw await NoAnswerAsync(operation, cause, TimedOut(deadline, cancellationToken), unrepeatable, cancellationToken)
                    .ConfigureAwait(false);
            }

            if (response.IsSuccessStatusCode)
            {
                return response.Content;
            }

            // Only on the error path are the sent credentials walked for the secret values to mask.
            throw MapError(operation, response, credentials is null ? TokenScrubber : Scrubber(credentials));
        }
    }

    /// <summary>
    /// The exception for a call that got no (complete) answer. Never a Polly or Refit type, and nothing that holds the
    /// request. A create or delete that may have reached the server becomes <see cref="DatabrainOutcomeUnknownException"/>.
    /// </summary>
    private async Task<Exception> NoAnswerAsync(
        DatabrainOperation operation, Exception? cause, bool deadlinePassed, UnrepeatableCall? unrepeatable, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException(cause?.Message, cause, cancellationToken);
        }

        DatabrainException failure;
        bool mayHaveBeenProcessed;
        switch (cause)
        {
            case var _ when deadlinePassed:
                failure = new DatabrainTimeoutException(operation, _options.Timeout);

                // Only between attempts (after a 429, a 503 or a refused connection) is nothing in flight.
                mayHaveBeenProcessed = unrepeatable?.AwaitingRetry != true;
                break;
            case TimeoutRejectedException rejected:
                failure = new DatabrainTimeoutException(operation, rejected.Timeout);
                mayHaveBeenProcessed = true;
                break;
            case BrokenCircuitException broken:
                return new DatabrainCircuitOpenException(operation, broken.RetryAfter);
            case ExecutionRejectedException:
                return new DatabrainConnectionException(operation, $"DataBrain {Verb(operation)}: not sent, the resilience pipeline rejected it.");
            case OperationCanceledException or TimeoutException:
                // The transport's own timeout, for example the Timeout of a caller's HttpClient.
                failure = new DatabrainTimeoutException(operation, _options.Timeout, cause);
                mayHaveBeenProcessed = true;
                break;
            default:
                var reason = cause is HttpRequestException http ? http.Message : cause?.GetType().Name ?? "unknown";
                failure = new DatabrainConnectionException(operation, $"DataBrain {Verb(operation)}: no response arrived ({reason}).", cause);
                mayHaveBeenProcessed = !RetryRules.NeverSent(cause);
                break;
        }

        if (unrepeatable is null || !mayHaveBeenProcessed)
        {
            return failure;
        }

        bool? exists = _options.VerifyUnknownOutcome ? await DatasourceExistsAsync(unrepeatable.DatasourceName, cancellationToken).ConfigureAwait(false) : null;
        ResilienceLog.OutcomeUnknown(_logger, operation, failure.Message, exists);
        return new DatabrainOutcomeUnknownException(operation, unrepeatable.DatasourceName, exists, failure);
    }

    /// <summary>
    /// Whether a datasource has this exact (case-sensitive) name, by paging through list with its own safe
    /// retries; the whole lookup is bounded by the client's timeout. <see langword="null"/> if it failed.
    /// </summary>
    private async Task<bool?> DatasourceExistsAsync(string name, CancellationToken cancellationToken)
    {
        using var deadline = _options.Timeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(_options.Timeout, _timeProvider);
        using var lookup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline?.Token ?? CancellationToken.None);
        try
        {
            await foreach (var datasource in ListDatasourcesAsync(lookup.Token).ConfigureAwait(false))
            {
                if (string.Equals(datasource.Name, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
        catch (DatabrainException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private DatabrainApiException MapError(DatabrainOperation operation, IApiResponse response, SecretScrubber scrubber)
    {
        var body = ErrorBody.Parse((response.Error as ApiException)?.Content, response.ContentHeaders?.ContentType?.MediaType, scrubber);
        return ErrorMapper.Map(
            operation,
            (int)response.StatusCode!.Value,
            body.Code,
            scrubber.Scrub(body.Message),
            scrubber.Scrub(RequestId(response.Headers!)),
            RetryRules.RetryAfter(response.Headers!.RetryAfter, _timeProvider));
    }

    private static string? RequestId(HttpResponseHeaders headers)
    {
        foreach (var name in RequestIdHeaders)
        {
            if (headers.TryGetValues(name, out var values))
            {
                return values.FirstOrDefault();
            }
        }

        return null;
    }

    private static string Verb(DatabrainOperation operation) => operation.ToString().ToLowerInvariant();
}
