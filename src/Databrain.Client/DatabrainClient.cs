using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Databrain.Client.Models;
using Databrain.Client.Serialization;
using Databrain.Client.Transport;

namespace Databrain.Client;

/// <summary>
/// Manages DataBrain datasources: create, update, list, delete and sync. Thread-safe; build one per
/// DataBrain organization and keep it (a singleton), or register it with
/// <c>services.AddDatabrainClient(...)</c>.
/// </summary>
/// <remarks>
/// Every method validates its input before anything is sent, and turns every failure into a
/// <see cref="DatabrainException"/> (the caller's own cancellation aside). Methods are virtual so tests can
/// mock the client; <see cref="DatabrainModelFactory"/> builds the results.
/// </remarks>
public class DatabrainClient
{
    private static readonly string[] RequestIdHeaders = ["x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id"];

    private readonly HttpClient _http = null!;
    private readonly DatabrainRequests _requests = null!;
    private readonly DatabrainClientOptions _options = null!;
    private readonly TimeProvider _timeProvider = TimeProvider.System;

    /// <summary>Creates a client that owns its HTTP stack (a shared, pooled connection handler).</summary>
    /// <param name="options">Base address, token and timeouts; copied, so later changes have no effect.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public DatabrainClient(DatabrainClientOptions options)
        : this(options, transport: null, timeProvider: null)
    {
    }

    /// <summary>
    /// Creates a client that sends its requests through <paramref name="httpClient"/> (its handlers, proxy and
    /// certificates), adding the SDK's headers and policies on top. The base address comes from
    /// <paramref name="options"/>; the caller keeps ownership of <paramref name="httpClient"/>.
    /// </summary>
    /// <param name="httpClient">The caller's client.</param>
    /// <param name="options">Base address, token and timeouts; copied, so later changes have no effect.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public DatabrainClient(HttpClient httpClient, DatabrainClientOptions options)
        : this(options, httpClient ?? throw new ArgumentNullException(nameof(httpClient)), timeProvider: null)
    {
    }

    /// <summary>For mocking only: a client with no transport. Every method of it must be overridden.</summary>
    protected DatabrainClient()
    {
    }

    // Without DI; tests pass a fake clock.
    internal DatabrainClient(DatabrainClientOptions options, HttpClient? transport, TimeProvider? timeProvider = null)
    {
        _options = Freeze(options);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _http = DatabrainHttpClientFactory.Create(_options, transport);
        _requests = new DatabrainRequests(_options.BaseAddress);
    }

    // The DI path: the HttpClient comes from IHttpClientFactory with the SDK's handlers already in it.
    internal DatabrainClient(HttpClient httpClient, DatabrainClientOptions options, TimeProvider timeProvider)
    {
        _options = Freeze(options);
        _timeProvider = timeProvider;
        httpClient.BaseAddress = _options.BaseAddress;
        httpClient.Timeout = Timeout.InfiniteTimeSpan;
        _http = httpClient;
        _requests = new DatabrainRequests(_options.BaseAddress);
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
    /// <exception cref="DatabrainException">Any other failure.</exception>
    public virtual async Task<string> CreateDatasourceAsync(
        DatasourceCredentials credentials, TenancySettings? tenancySettings = null, CancellationToken cancellationToken = default)
    {
        var request = PrepareWrite(DatabrainOperation.Create, credentials, tenancySettings);
        var response = await SendAsync(
            DatabrainOperation.Create, _requests.Create(request), DatabrainJsonContext.Default.NameResponse, credentials, cancellationToken)
            .ConfigureAwait(false);

        // The name is the key we sent; an answer without it (an empty 2xx body) still means created.
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
            DatabrainOperation.Update, _requests.Update(request), DatabrainJsonContext.Default.NameResponse, credentials, cancellationToken)
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
        var response = await SendAsync(
            DatabrainOperation.List, _requests.ListPage(pageNumber), DatabrainJsonContext.Default.ListResponse, sent: null, cancellationToken)
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
    /// <exception cref="DatabrainException">Any other failure.</exception>
    public virtual async Task<DeletedDatasource> DeleteDatasourceAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var response = await SendAsync(
            DatabrainOperation.Delete, _requests.Delete(name), DatabrainJsonContext.Default.DeleteResponse, sent: null, cancellationToken)
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
            DatabrainOperation.Sync, _requests.Sync(request), DatabrainJsonContext.Default.SyncResponse, sent: null, cancellationToken)
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

    // Sends one request (its body already serialized) and reads the answer: the body on success (null when
    // it is empty or not JSON), else the error mapped to its exception. The credentials sent (create and
    // update) are kept only to build the scrubber if an error comes back.
    private async Task<T?> SendAsync<T>(
        DatabrainOperation operation,
        HttpRequestMessage request,
        JsonTypeInfo<T> responseType,
        DatasourceCredentials? sent,
        CancellationToken cancellationToken)
        where T : class
    {
        using (request)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The SDK's own deadline, on the injected clock so tests need not wait for it.
            using var timeout = new CallDeadline(_options.Timeout, _timeProvider, cancellationToken);
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return await ReadBodyAsync(response, responseType, timeout.Token).ConfigureAwait(false);
                }

                var error = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);

                // Only now, on the error path, are the credentials walked for the secret values to mask.
                throw MapError(
                    operation, response, error, sent is null ? SecretScrubber.None : SecretScrubber.For(sent, _options.ServiceToken));
            }
            catch (Exception exception) when (exception is not DatabrainException)
            {
                // Nothing (or not all of the answer) arrived. The transport's exception travels on as the
                // cause; it holds no request, so no Authorization header.
                throw NoResponse(operation, exception, cancellationToken, timeout.TimedOut);
            }
        }
    }

    // An empty or non-JSON success body reads as null, as "no content": each operation decides what that means.
    private static async Task<T?> ReadBodyAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
        where T : class
    {
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            try
            {
                return await JsonSerializer.DeserializeAsync(body, responseType, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    private Exception NoResponse(DatabrainOperation operation, Exception? cause, CancellationToken cancellationToken, bool timedOut)
    {
        if (cause is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException(cause.Message, cause, cancellationToken);
        }

        if (timedOut || cause is OperationCanceledException or TimeoutException)
        {
            return new DatabrainTimeoutException(operation, _options.Timeout);
        }

        var reason = cause is HttpRequestException http ? http.Message : cause?.GetType().Name ?? "unknown";
        return new DatabrainConnectionException(
            operation, $"DataBrain {Verb(operation)}: no response arrived ({reason}).", cause);
    }

    private DatabrainApiException MapError(DatabrainOperation operation, HttpResponseMessage response, string? content, SecretScrubber scrubber)
    {
        var body = ErrorBody.Parse(content, response.Content.Headers.ContentType?.MediaType);
        return ErrorMapper.Map(
            operation,
            (int)response.StatusCode,
            body.Code,
            scrubber.Scrub(body.Message),
            RequestId(response.Headers),
            RetryAfter(response.Headers.RetryAfter));
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? retryAfter)
    {
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - _timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
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
