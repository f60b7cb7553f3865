using Databrain.Client.Diagnostics;
using Databrain.Client.Errors;
using Databrain.Client.Resilience;
using Databrain.Client.Secrets;
using Databrain.Client.Transport;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Refit;

namespace Databrain.Client.Pipeline;

/// <summary>
/// Runs a client's calls: the one place that holds the mechanics behind every operation. For each call, in order:
/// the call's time (<see cref="CallTimer"/>: the deadline and each attempt's timeout on one timer, the caller's token
/// folded in); the attempts, through the client's Polly pipeline (retry and circuit breaker:
/// <see cref="DatabrainResiliencePipeline"/>), each one a rate-limit permit when the client has a limit
/// (<see cref="RequestRateLimiter"/>), the token, the Refit call and the whole answer read (<see cref="Answer"/>); then either the answer, an
/// error answer turned into its exception (<see cref="ErrorResponse"/>), or, when no answer came, the failure
/// classified (<see cref="NoAnswerAsync"/>), with the outcome check of a create or delete that may have happened.
/// </summary>
internal sealed class CallRunner
{
    private readonly IDatabrainApi _api;
    private readonly DatabrainClientOptions _options;
    private readonly ResiliencePipeline<Answer>? _pipeline;
    private readonly RequestRateLimiter? _rateLimiter;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    // A fixed token's header value is built once; a token provider is asked again for every attempt.
    private readonly string? _fixedAuthorization;
    private readonly SecretScrubber _tokenScrubber;

    private readonly DeadlineSources _deadlines;
    private readonly TimeSpan _attemptTimeout;

    /// <param name="httpClient">The client's HTTP stack (<see cref="HttpStack"/>).</param>
    /// <param name="options">The frozen, validated options.</param>
    /// <param name="timeProvider">The clock of every deadline, timeout and retry delay.</param>
    /// <param name="logger">The <see cref="ClientLog.Category"/> logger.</param>
    public CallRunner(HttpClient httpClient, DatabrainClientOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _api = DatabrainRefit.CreateApi(httpClient);
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _pipeline = DatabrainResiliencePipeline.Build(options.Resilience, logger, timeProvider);
        _rateLimiter = options.RateLimit.Enabled ? new RequestRateLimiter(options.RateLimit, timeProvider) : null;
        _fixedAuthorization = options.ServiceTokenProvider is null ? "Bearer " + options.ServiceToken : null;
        _tokenScrubber = SecretScrubber.ForToken(options.ServiceToken);
        _deadlines = new DeadlineSources(timeProvider);
        _attemptTimeout = options.Resilience.Enabled ? options.Resilience.AttemptTimeout : Timeout.InfiniteTimeSpan;
    }

    /// <summary>Runs one call to its end: a success answer, or a <see cref="DatabrainException"/> (or the caller's cancellation).</summary>
    public ValueTask<Answer> SendAsync(ApiRequest request, DatabrainRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var timeout = DatabrainRequestOptions.TimeoutOf(requestOptions, _options.Timeout);

        // An unobserved call goes straight to the core: no extra state machine, nothing allocated for telemetry.
        var scope = request.Scope = OperationScope.Start(request, _options.BaseAddress, _logger, _timeProvider);
        return scope is null ? RunAsync(request, timeout, cancellationToken) : ObserveAsync(scope, RunAsync(request, timeout, cancellationToken));
    }

    /// <summary>The client's rate limit, shared by all its calls; <see langword="null"/> when it has none.</summary>
    public RequestRateLimiter? RateLimiter => _rateLimiter;

    /// <summary>The clock of every deadline, timeout and retry delay; also times an apply and its steps.</summary>
    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>The <see cref="ClientLog.Category"/> logger.</summary>
    public ILogger Logger => _logger;

    /// <summary>The request id of an answer, with any echoed secret of the token masked.</summary>
    public string? RequestId(Answer answer) => _tokenScrubber.Scrub(answer.RequestId);

    /// <summary>A success answer whose body is not what the operation returns.</summary>
    public DatabrainMalformedResponseException Malformed(ApiRequest request, Answer answer, string detail) =>
        new(request.Operation, answer.Status, RequestId(answer), detail);

    private async ValueTask<Answer> ObserveAsync(OperationScope scope, ValueTask<Answer> call)
    {
        try
        {
            var answer = await call.ConfigureAwait(false);
            scope.Succeeded(RequestId(answer));
            return answer;
        }
        catch (Exception failure)
        {
            scope.Failed(failure);
            throw;
        }
    }

    private async ValueTask<Answer> RunAsync(ApiRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // One timer for the call's deadline and each attempt's timeout, on the injected clock so tests need not wait.
        using var timer = request.Timer = new CallTimer(_deadlines, timeout, _attemptTimeout, _timeProvider, cancellationToken);
        Answer answer;
        try
        {
            answer = _pipeline is null
                ? await AttemptAsync(request, cancellationToken).ConfigureAwait(false)
                : await RunPipelineAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException canceled) when (cancellationToken.IsCancellationRequested)
        {
            // Report the caller's own token, not the SDK's timer.
            throw new OperationCanceledException(canceled.Message, canceled, cancellationToken);
        }
        catch (IncompleteResponseException incomplete)
            when ((int)incomplete.StatusCode!.Value is >= 200 and <= 299 && request.Operation != DatabrainOperation.List)
        {
            // The status line arrived and decides; the cut-off body only matters where it is the result (list).
            return Answer.WithoutBody(incomplete);
        }
        catch (IncompleteResponseException incomplete) when ((int)incomplete.StatusCode!.Value is < 200 or > 299)
        {
            throw ErrorResponse.ToException(request.Operation, incomplete, Scrubber(request));
        }
        catch (Exception failure)
        {
            throw await NoAnswerAsync(request, failure, cancellationToken).ConfigureAwait(false);
        }

        return answer.IsSuccess ? answer : throw ErrorResponse.ToException(request.Operation, answer, Scrubber(request), _timeProvider);
    }

    private async ValueTask<Answer> RunPipelineAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        // Polly waits between attempts on the caller's token; the retry policy keeps each wait within the call's time.
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ApiRequest.ContextKey, request);
        try
        {
            return await _pipeline!.ExecuteAsync(
                static (_, state) => state.Runner.AttemptAsync(state.Request, state.CallerToken),
                context,
                (Runner: this, Request: request, CallerToken: cancellationToken)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// One attempt: a rate-limit permit (held until the attempt is over), its timer armed, the token, the request
    /// through Refit, the whole answer.
    /// </summary>
    private async ValueTask<Answer> AttemptAsync(ApiRequest request, CancellationToken callerToken)
    {
        var timer = request.Timer!;
        using var permit = _rateLimiter is null ? null : await WaitForPermitAsync(timer, callerToken).ConfigureAwait(false);
        var cancellationToken = timer.StartAttempt();
        var scope = request.Scope;
        using var activity = scope?.StartAttempt();
        try
        {
            var authorization = _fixedAuthorization
                ?? "Bearer " + await _options.ServiceTokenProvider!(cancellationToken).ConfigureAwait(false);
            HttpResponseMessage response;
            try
            {
                response = await request.SendAsync(_api, authorization, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiRequestException refit) when (refit.InnerException is { } cause)
            {
                // Refit's wrapper holds the live request (and its Authorization header): only the cause travels on.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
                throw;
            }

            var answer = await Answer.ReadAsync(request, response, cancellationToken).ConfigureAwait(false);
            scope?.AttemptAnswered(activity, answer.Status);
            return answer;
        }
        catch (Exception failure) when (!callerToken.IsCancellationRequested && timer.Classify(failure) is var classified && classified != failure)
        {
            // The timer fired: the attempt timed out, or the call's deadline passed, whatever the transport threw.
            OperationScope.AttemptFailed(activity, classified);
            throw classified;
        }
        catch (Exception failure) when (scope is not null)
        {
            OperationScope.AttemptFailed(activity, failure);
            throw;
        }
    }

    /// <summary>
    /// Waits in line for a rate-limit permit, within the call's time. Nothing has been sent yet, so a deadline that
    /// passes here ends the call as a timeout with nothing in flight: never an unknown outcome.
    /// </summary>
    private async ValueTask<IDisposable> WaitForPermitAsync(CallTimer timer, CancellationToken callerToken)
    {
        var waitToken = timer.StartWait();
        try
        {
            return await _rateLimiter!.AcquireAsync(waitToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException canceled) when (!callerToken.IsCancellationRequested && timer.Classify(canceled) is CallDeadlineException deadline)
        {
            throw deadline;
        }
    }

    // Only on the error path are the sent credentials walked for the secret values to mask.
    private SecretScrubber Scrubber(ApiRequest request) =>
        request.Credentials is { } credentials ? SecretScrubber.For(credentials, _options.ServiceToken) : _tokenScrubber;

    /// <summary>
    /// The exception for a call that got no (complete) answer. Never a Polly or Refit type, and nothing that holds the
    /// request. A create or delete that may have reached the server becomes <see cref="DatabrainOutcomeUnknownException"/>.
    /// </summary>
    private async Task<Exception> NoAnswerAsync(ApiRequest request, Exception cause, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException(cause.Message, cause, cancellationToken);
        }

        var operation = request.Operation;
        DatabrainException failure;
        bool mayHaveBeenProcessed;
        switch (cause)
        {
            case CallDeadlineException deadline:
                failure = new DatabrainTimeoutException(operation, request.Timer!.Timeout);

                // Between attempts (after a 429, a 503 or a refused connection) nothing is in flight.
                mayHaveBeenProcessed = deadline.InFlight;
                break;
            case AttemptTimeoutException attempt:
                failure = new DatabrainTimeoutException(operation, attempt.Timeout);
                mayHaveBeenProcessed = true;
                break;
            case BrokenCircuitException broken:
                return new DatabrainCircuitOpenException(operation, broken.RetryAfter);
            case ExecutionRejectedException:
                return new DatabrainConnectionException(operation, $"DataBrain {operation.Verb()}: not sent, the resilience pipeline rejected it.");
            case IncompleteResponseException incomplete:
                // A list whose every attempt was cut off after a 2xx status line.
                return new DatabrainConnectionException(
                    operation, $"DataBrain {operation.Verb()}: the answer was cut off before its body was complete.", incomplete.InnerException);
            case OperationCanceledException or TimeoutException:
                // The transport's own timeout, for example the Timeout of a caller's HttpClient.
                failure = new DatabrainTimeoutException(operation, request.Timer!.Timeout, cause);
                mayHaveBeenProcessed = true;
                break;
            default:
                var reason = cause is HttpRequestException http ? http.Message : cause.GetType().Name;
                failure = new DatabrainConnectionException(operation, $"DataBrain {operation.Verb()}: no response arrived ({reason}).", cause);
                mayHaveBeenProcessed = !RetryRules.NeverSent(cause);
                break;
        }

        if (request.IsRepeatable || !mayHaveBeenProcessed)
        {
            return failure;
        }

        var (exists, notLookedUp) = _options.VerifyUnknownOutcome
            ? await DatasourceExistsAsync(request, cancellationToken).ConfigureAwait(false)
            : (null, "the lookup is switched off");
        ClientLog.OutcomeUnknown(_logger, operation.Verb(), failure.Message, exists);
        return new DatabrainOutcomeUnknownException(operation, request.DatasourceName!, exists, failure, notLookedUp);
    }

    /// <summary>
    /// The outcome check (<see cref="OutcomeCheck"/>), within what is left of the call's time: each page is a list call
    /// with its own safe retries. <see langword="null"/> when it cannot tell or failed; with the reason, when it did not
    /// run because no time was left.
    /// </summary>
    private async Task<(bool? Exists, string? NotLookedUp)> DatasourceExistsAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var remaining = request.Timer?.Remaining ?? Timeout.InfiniteTimeSpan;
        if (remaining != Timeout.InfiniteTimeSpan && remaining <= TimeSpan.Zero)
        {
            return (null, "no time was left to look it up");
        }

        using var timeLeft = remaining == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(remaining, _timeProvider);
        using var lookup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeLeft?.Token ?? CancellationToken.None);
        try
        {
            return (await OutcomeCheck.DatasourceExistsAsync(
                request.DatasourceName!, (page, ct) => ReadPageAsync(request.Operation, page, ct), lookup.Token).ConfigureAwait(false), null);
        }
        catch (DatabrainException)
        {
            return (null, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, null);
        }
    }

    private async ValueTask<IReadOnlyList<NameResponse?>> ReadPageAsync(DatabrainOperation checkedOperation, int pageNumber, CancellationToken cancellationToken)
    {
        var request = ApiRequest.List(pageNumber);
        request.OutcomeCheckOf = checkedOperation;
        var answer = await SendAsync(request, requestOptions: null, cancellationToken).ConfigureAwait(false);
        return answer.Value is ListResponse { Data: { } names } ? names : throw Malformed(request, answer, "the response has no data array");
    }
}
