using System.Runtime.CompilerServices;
using Databrain.Client.Diagnostics;
using Databrain.Client.DesiredState;
using Databrain.Client.Models;
using Databrain.Client.Pipeline;
using Databrain.Client.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

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
/// without an answer throws <see cref="DatabrainOutcomeUnknownException"/>. Every result carries the response's
/// request id. Methods are virtual so tests can mock the client; <see cref="DatabrainModelFactory"/> builds the results.
/// </remarks>
// Each operation has two overloads: the plain one and one taking DatabrainRequestOptions (required, so no call can
// bind to both). RS0026 guards against ambiguity when optional parameters are added to a shipped overload; nothing
// is shipped yet, and the Azure SDK guidelines recommend exactly this shape.
#pragma warning disable RS0026
public class DatabrainClient
{
    // Each operation below reads: validate, build the request, run it (Pipeline/CallRunner), map the answer.
    private readonly CallRunner _runner = null!;
    private readonly DatabrainClientOptions _options = null!;

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

    // Without DI: the SDK's own stack over the shared pool or the caller's client. Tests pass a fake clock.
    internal DatabrainClient(DatabrainClientOptions options, HttpClient? transport, TimeProvider? timeProvider, ILoggerFactory? loggerFactory = null)
    {
        _options = Freeze(options);
        _runner = new CallRunner(
            HttpStack.Create(_options, transport),
            _options,
            timeProvider ?? TimeProvider.System,
            loggerFactory?.CreateLogger(ClientLog.Category) ?? NullLogger.Instance);
    }

    // The DI path: the HttpClient comes from IHttpClientFactory, over the SDK's connection pool and any handlers the app added.
    internal DatabrainClient(HttpClient httpClient, DatabrainClientOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _options = Freeze(options);
        _runner = new CallRunner(HttpStack.Configure(httpClient, _options), _options, timeProvider, logger);
    }

    /// <summary>The client's rate limit (<see cref="DatabrainClientOptions.RateLimit"/>), when it has one: tests read its queue.</summary>
    internal RequestRateLimiter? RateLimiter => _runner.RateLimiter;

    /// <summary>The address requests go to.</summary>
    public virtual Uri BaseAddress => _options.BaseAddress;

    /// <summary>Registers a new datasource. DataBrain tests the connection and caches the schema before it answers.</summary>
    /// <param name="credentials">The typed credentials, for example <see cref="PostgresCredentials"/>.</param>
    /// <param name="tenancySettings">How the datasource separates your clients' data, if it does.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created datasource's name and the response's request id.</returns>
    /// <exception cref="DatabrainValidationException">The input is invalid; nothing was sent.</exception>
    /// <exception cref="DatasourceNameConflictException">A datasource with this name already exists.</exception>
    /// <exception cref="CredentialTestFailedException">DataBrain could not connect with these credentials.</exception>
    /// <exception cref="DatabrainOutcomeUnknownException">
    /// The request may have reached DataBrain but no answer came; it was not sent again. See
    /// <see cref="DatabrainOutcomeUnknownException.DatasourceExists"/>.
    /// </exception>
    /// <exception cref="DatabrainException">Any other failure.</exception>
    public virtual Task<CreateDatasourceResult> CreateDatasourceAsync(
        DatasourceCredentials credentials, TenancySettings? tenancySettings = null, CancellationToken cancellationToken = default) =>
        CreateDatasourceAsync(credentials, tenancySettings, requestOptions: null, cancellationToken);

    /// <inheritdoc cref="CreateDatasourceAsync(DatasourceCredentials, TenancySettings?, CancellationToken)"/>
    /// <param name="credentials">The typed credentials, for example <see cref="PostgresCredentials"/>.</param>
    /// <param name="tenancySettings">How the datasource separates your clients' data, if it does.</param>
    /// <param name="requestOptions">This call's own settings (its timeout), or <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<CreateDatasourceResult> CreateDatasourceAsync(
        DatasourceCredentials credentials, TenancySettings? tenancySettings, DatabrainRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        DatasourceValidator.ThrowIfInvalid(credentials, tenancySettings, DatabrainOperation.Create);
        var answer = await _runner.SendAsync(ApiRequest.Create(credentials, tenancySettings), requestOptions, cancellationToken).ConfigureAwait(false);

        // The name is the key we sent; a 2xx answer without it (an empty or unreadable body) still means created.
        var created = answer.Value as NameResponse;
        return new CreateDatasourceResult(created?.Name ?? credentials.Name, created?.Id, answer.Status, _runner.RequestId(answer));
    }

    /// <summary>
    /// Replaces a datasource's credentials (the full object: DataBrain has no partial update). The type cannot
    /// change. Omitting <paramref name="tenancySettings"/> leaves the current settings unchanged.
    /// </summary>
    /// <param name="credentials">The full credentials; <see cref="DatasourceCredentials.Name"/> finds the datasource.</param>
    /// <param name="tenancySettings">New tenancy settings, or <see langword="null"/> to keep the current ones.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The datasource's name and the response's request id.</returns>
    /// <exception cref="DatabrainValidationException">The input is invalid; nothing was sent.</exception>
    /// <exception cref="DatasourceNotFoundException">No datasource has this name.</exception>
    /// <exception cref="CredentialTestFailedException">DataBrain could not connect with these credentials.</exception>
    /// <exception cref="DatabrainException">Any other failure.</exception>
    public virtual Task<UpdateDatasourceResult> UpdateDatasourceAsync(
        DatasourceCredentials credentials, TenancySettings? tenancySettings = null, CancellationToken cancellationToken = default) =>
        UpdateDatasourceAsync(credentials, tenancySettings, requestOptions: null, cancellationToken);

    /// <inheritdoc cref="UpdateDatasourceAsync(DatasourceCredentials, TenancySettings?, CancellationToken)"/>
    /// <param name="credentials">The full credentials; <see cref="DatasourceCredentials.Name"/> finds the datasource.</param>
    /// <param name="tenancySettings">New tenancy settings, or <see langword="null"/> to keep the current ones.</param>
    /// <param name="requestOptions">This call's own settings (its timeout), or <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<UpdateDatasourceResult> UpdateDatasourceAsync(
        DatasourceCredentials credentials, TenancySettings? tenancySettings, DatabrainRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        DatasourceValidator.ThrowIfInvalid(credentials, tenancySettings, DatabrainOperation.Update);
        var answer = await _runner.SendAsync(ApiRequest.Update(credentials, tenancySettings), requestOptions, cancellationToken).ConfigureAwait(false);
        var updated = answer.Value as NameResponse;
        return new UpdateDatasourceResult(updated?.Name ?? credentials.Name, updated?.Id, answer.Status, _runner.RequestId(answer));
    }

    /// <summary>
    /// Creates the datasource, or updates it when one with this name exists; the result says which. Safe to repeat,
    /// and safe where a plain create is not: a create that got no answer is settled by the name lookup, not thrown as
    /// <see cref="DatabrainOutcomeUnknownException"/>.
    /// </summary>
    /// <remarks>
    /// <para>Every path (at most three requests that write, besides the lookup of a create that got no answer):</para>
    /// <list type="number">
    /// <item>The create succeeds: <see cref="UpsertAction.Created"/> (one request).</item>
    /// <item>The create answers that the name exists: the update is sent; <see cref="UpsertAction.Updated"/>.</item>
    /// <item>The create got no answer, and the lookup found the name (the create happened, or someone else made it) or
    /// could not tell (<see cref="DatabrainOutcomeUnknownException.DatasourceExists"/> is <see langword="null"/>): the
    /// update is sent. Sending the same credentials again is harmless when the lost create did happen.</item>
    /// <item>The create got no answer and the lookup proved the name absent (a complete pass over the listing): the
    /// create did not happen, so it is sent once more.</item>
    /// <item>The update answers that no datasource has the name (it was deleted since the create's answer, or the lost
    /// create never happened): the create is sent once more.</item>
    /// <item>A create sent once more is the last request: its result, or its exception (a name conflict again, when
    /// someone keeps creating and deleting the name), reaches the caller. There is no loop.</item>
    /// </list>
    /// <para>
    /// Any other failure of the create or the update (a credential test, a type that cannot change, an
    /// authentication error) is thrown as it is. An update with <paramref name="tenancySettings"/>
    /// <see langword="null"/> keeps the datasource's current settings.
    /// </para>
    /// </remarks>
    /// <param name="credentials">The full credentials; <see cref="DatasourceCredentials.Name"/> identifies the datasource.</param>
    /// <param name="tenancySettings">The tenancy settings, or <see langword="null"/> (an update then keeps the current ones).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether it created or updated, with the name and the request id of the call that did it.</returns>
    /// <exception cref="DatabrainValidationException">The input is invalid; nothing was sent.</exception>
    /// <exception cref="CredentialTestFailedException">DataBrain could not connect with these credentials.</exception>
    /// <exception cref="DatasourceNameConflictException">The create sent once more found the name taken again.</exception>
    /// <exception cref="DatabrainOutcomeUnknownException">The create sent once more got no answer.</exception>
    /// <exception cref="DatabrainException">Any other failure.</exception>
    public virtual Task<UpsertDatasourceResult> UpsertDatasourceAsync(
        DatasourceCredentials credentials, TenancySettings? tenancySettings = null, CancellationToken cancellationToken = default) =>
        UpsertDatasourceAsync(credentials, tenancySettings, requestOptions: null, cancellationToken);

    /// <inheritdoc cref="UpsertDatasourceAsync(DatasourceCredentials, TenancySettings?, CancellationToken)"/>
    /// <param name="credentials">The full credentials; <see cref="DatasourceCredentials.Name"/> identifies the datasource.</param>
    /// <param name="tenancySettings">The tenancy settings, or <see langword="null"/> (an update then keeps the current ones).</param>
    /// <param name="requestOptions">Each underlying call's own settings (its timeout), or <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<UpsertDatasourceResult> UpsertDatasourceAsync(
        DatasourceCredentials credentials, TenancySettings? tenancySettings, DatabrainRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        DatasourceValidator.ThrowIfInvalid(credentials, tenancySettings, DatabrainOperation.Create);
        return await Upsert.RunAsync(this, credentials, tenancySettings, requestOptions, Logger, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Plans a desired set of datasources: lists the organization's datasources once and returns, per name, a create
    /// or an update, and (only with <see cref="DatasourcePlanOptions.PrunePrefix"/>) a delete for each name under the
    /// prefix that is not in the set. Sends list requests only.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The API lists names only, never credentials, so a name that exists is always planned as an update: the plan
    /// cannot tell an unchanged datasource from a changed one. Names compare case-sensitively (ordinal).
    /// </para>
    /// <para>
    /// Steps: one per entry, in the set's order (<see cref="DatasourceAction.Create"/> when the listing does not have
    /// the name, <see cref="DatasourceAction.Update"/> when it does), then the deletes in ordinal name order. Without a
    /// prune prefix there is never a delete. With one, only names that start with it (ordinal) and are not in the set
    /// are deleted; nothing outside the prefix ever is.
    /// </para>
    /// <para>
    /// The set is validated as a whole before anything is sent, every problem at once in one
    /// <see cref="DatabrainValidationException"/>, each field path prefixed with the entry's index
    /// (<c>[2].credentials.port</c>): each entry's own rules (<see cref="DatasourceValidator"/>), a null entry, and a name
    /// that appears twice (the later entry's <c>credentials.name</c>, naming the earlier index). A type this SDK does
    /// not know (<see cref="CustomCredentials"/>) is allowed; an empty one is not.
    /// </para>
    /// </remarks>
    /// <param name="desired">The datasources as they should exist; validated as a whole before anything is sent.</param>
    /// <param name="options">The prune prefix, or <see langword="null"/> for none (nothing is deleted).</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="desired"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The prune prefix is empty or white space (it would match every name).</exception>
    /// <exception cref="DatabrainValidationException">The set is invalid (every problem at once); nothing was sent.</exception>
    /// <exception cref="DatabrainException">The listing failed.</exception>
    public virtual Task<DatasourcePlan> PlanDatasourcesAsync(
        IEnumerable<DatasourceDefinition> desired, DatasourcePlanOptions? options = null, CancellationToken cancellationToken = default) =>
        PlanBuilder.PlanAsync(this, desired, options, cancellationToken);

    /// <summary>
    /// Runs a plan: upserts and deletes with bounded concurrency, deletes last, reporting each finished step. Continues
    /// past a failed step unless <see cref="DatasourceApplyOptions.StopOnFirstFailure"/>. Cancellation stops starting
    /// steps; the result lists those that never started.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A create step calls <see cref="UpsertDatasourceAsync(DatasourceCredentials, TenancySettings?, CancellationToken)"/>
    /// (one request; a datasource created since the plan was made is updated); an update step calls
    /// <see cref="UpdateDatasourceAsync(DatasourceCredentials, TenancySettings?, CancellationToken)"/> (one request), and
    /// the upsert if the datasource was deleted since the plan was made; a delete step calls
    /// <see cref="DeleteDatasourceAsync(string, CancellationToken)"/> (a name deleted meanwhile is a failed step with
    /// <see cref="DatasourceNotFoundException"/>).
    /// </para>
    /// <para>
    /// Order: every create and update first, started in the plan's order, at most
    /// <see cref="DatasourceApplyOptions.MaxConcurrency"/> at once; the deletes start only after all of them have
    /// finished, in the plan's order too. A failed step is an outcome (<see cref="DatasourceStepStatus.Failed"/> with its
    /// typed exception) and the others go on, unless <see cref="DatasourceApplyOptions.StopOnFirstFailure"/>: then no
    /// step starts after the first failure (the running ones finish) and the rest are
    /// <see cref="DatasourceStepStatus.NotStarted"/>.
    /// </para>
    /// <para>
    /// <paramref name="progress"/> is told once per finished step (succeeded, failed or canceled), one report at a time,
    /// with counts that only grow, before the step's slot is given to the next one. Cancellation does not throw: steps
    /// not yet started are <see cref="DatasourceStepStatus.NotStarted"/>, running ones see the token and are
    /// <see cref="DatasourceStepStatus.Canceled"/> (they may or may not have taken effect), and
    /// <see cref="DatasourceApplyResult.WasCanceled"/> is <see langword="true"/>. An exception thrown by
    /// <paramref name="progress"/> is not a step's failure: no step starts after it, it is told nothing more, and once
    /// the running steps have ended the apply throws that exception.
    /// </para>
    /// </remarks>
    /// <param name="plan">The plan, from <see cref="PlanDatasourcesAsync"/>.</param>
    /// <param name="options">Concurrency and failure handling, or <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Told after each finished step, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the apply.</param>
    /// <returns>One outcome per step, in the plan's order, with counts and the time taken; failures are outcomes, not exceptions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><see cref="DatasourceApplyOptions.MaxConcurrency"/> is less than 1.</exception>
    /// <exception cref="Exception">Whatever <paramref name="progress"/> threw, once the steps it let run have ended.</exception>
    public virtual Task<DatasourceApplyResult> ApplyDatasourcesAsync(
        DatasourcePlan plan, DatasourceApplyOptions? options = null, IProgress<DatasourceApplyProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PlanRunner.RunAsync(this, plan, options, progress, _runner?.TimeProvider ?? TimeProvider.System, Logger, cancellationToken);

    /// <summary>
    /// Every datasource of the organization, fetched a page of <see cref="DatasourcePage.PageSize"/> at a time
    /// as the enumeration goes. Stopping early sends no further request.
    /// </summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The datasources, in the server's order.</returns>
    /// <exception cref="DatabrainException">A page could not be fetched.</exception>
    public virtual IAsyncEnumerable<DatasourceSummary> ListDatasourcesAsync(CancellationToken cancellationToken = default) =>
        ListDatasourcesAsync(requestOptions: null, cancellationToken);

    /// <inheritdoc cref="ListDatasourcesAsync(CancellationToken)"/>
    /// <param name="requestOptions">Each page call's own settings (its timeout), or <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual async IAsyncEnumerable<DatasourceSummary> ListDatasourcesAsync(
        DatabrainRequestOptions? requestOptions, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var pageNumber = 1; ; pageNumber++)
        {
            var page = await GetDatasourcePageAsync(pageNumber, requestOptions, cancellationToken).ConfigureAwait(false);
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
    /// <exception cref="DatabrainMalformedResponseException">The answer had no <c>data</c> array.</exception>
    /// <exception cref="DatabrainException">The page could not be fetched.</exception>
    public virtual Task<DatasourcePage> GetDatasourcePageAsync(int pageNumber, CancellationToken cancellationToken = default) =>
        GetDatasourcePageAsync(pageNumber, requestOptions: null, cancellationToken);

    /// <inheritdoc cref="GetDatasourcePageAsync(int, CancellationToken)"/>
    /// <param name="pageNumber">The 1-based page number.</param>
    /// <param name="requestOptions">This call's own settings (its timeout), or <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<DatasourcePage> GetDatasourcePageAsync(
        int pageNumber, DatabrainRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        var request = ApiRequest.List(pageNumber);
        var answer = await _runner.SendAsync(request, requestOptions, cancellationToken).ConfigureAwait(false);
        if (answer.Value is not ListResponse { Data: { } data })
        {
            throw _runner.Malformed(request, answer, "the response has no data array");
        }

        var items = new DatasourceSummary[data.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new DatasourceSummary(data[i]?.Name ?? string.Empty, data[i]?.Id);
        }

        return new DatasourcePage(pageNumber, items, answer.Status, _runner.RequestId(answer));
    }

    /// <summary>Deletes the datasource with this name.</summary>
    /// <param name="name">The datasource's exact name (any characters; it is URL-encoded).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deleted datasource's id, the server's message and the response's request id.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    /// <exception cref="DatasourceNotFoundException">No datasource has this name.</exception>
    /// <exception cref="DatasourceInUseException">Other resources still use the datasource.</exception>
    /// <exception cref="DatabrainOutcomeUnknownException">
    /// The request may have reached DataBrain but no answer came; it was not sent again. See
    /// <see cref="DatabrainOutcomeUnknownException.DatasourceExists"/>.
    /// </exception>
    /// <exception cref="DatabrainException">Any other failure.</exception>
    public virtual Task<DeleteDatasourceResult> DeleteDatasourceAsync(string name, CancellationToken cancellationToken = default) =>
        DeleteDatasourceAsync(name, requestOptions: null, cancellationToken);

    /// <inheritdoc cref="DeleteDatasourceAsync(string, CancellationToken)"/>
    /// <param name="name">The datasource's exact name (any characters; it is URL-encoded).</param>
    /// <param name="requestOptions">This call's own settings (its timeout), or <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<DeleteDatasourceResult> DeleteDatasourceAsync(
        string name, DatabrainRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var answer = await _runner.SendAsync(ApiRequest.Delete(name), requestOptions, cancellationToken).ConfigureAwait(false);
        var deleted = answer.Value as DeleteResponse;
        return new DeleteDatasourceResult(name, deleted?.Id, deleted?.Message, answer.Status, _runner.RequestId(answer));
    }

    /// <summary>Re-syncs a datasource's schema.</summary>
    /// <param name="datasourceId">The datasource's id (not its name).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The server's message (for example <c>Sync completed</c>) and the response's request id.</returns>
    /// <exception cref="ArgumentException"><paramref name="datasourceId"/> is null, empty or white space.</exception>
    /// <exception cref="InvalidDatasourceIdException">The id is unknown or invalid.</exception>
    /// <exception cref="DatabrainException">Any other failure.</exception>
    public virtual Task<SyncDatasourceResult> SyncDatasourceAsync(string datasourceId, CancellationToken cancellationToken = default) =>
        SyncDatasourceAsync(datasourceId, requestOptions: null, cancellationToken);

    /// <inheritdoc cref="SyncDatasourceAsync(string, CancellationToken)"/>
    /// <param name="datasourceId">The datasource's id (not its name).</param>
    /// <param name="requestOptions">This call's own settings (its timeout), or <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<SyncDatasourceResult> SyncDatasourceAsync(
        string datasourceId, DatabrainRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasourceId);
        var answer = await _runner.SendAsync(ApiRequest.Sync(datasourceId), requestOptions, cancellationToken).ConfigureAwait(false);
        return new SyncDatasourceResult(datasourceId, (answer.Value as SyncResponse)?.Data?.Message, answer.Status, _runner.RequestId(answer));
    }

    // A mock (the protected constructor) has no runner: upsert, plan and apply still work over its overrides.
    private ILogger Logger => _runner?.Logger ?? NullLogger.Instance;

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
}
#pragma warning restore RS0026
