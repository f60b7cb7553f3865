using System.Net.Http.Headers;
using Databrain.Client.Diagnostics;

namespace Databrain.Client.Transport;

/// <summary>
/// Adds <c>Authorization: Bearer</c>, <c>Accept</c> and <c>User-Agent</c> to every attempt. It sits below the
/// resilience handler, so a retried attempt asks the token provider again (a rotated token is picked up).
/// A caller who replaces the SDK's resilience handler on the DI path gets theirs added below this one instead:
/// then every attempt of a call reuses the first attempt's token.
/// </summary>
internal sealed class SdkHeadersHandler : DelegatingHandler
{
    private const string Json = "application/json";
    private readonly Func<CancellationToken, ValueTask<string>>? _tokenProvider;

    // A fixed token's header value is built once and shared by every request: AuthenticationHeaderValue
    // has no setters, so sharing it is safe.
    private readonly AuthenticationHeaderValue? _fixedAuthorization;
    private readonly string _userAgent;

    public SdkHeadersHandler(DatabrainClientOptions options)
    {
        _tokenProvider = options.ServiceTokenProvider;
        if (_tokenProvider is null)
        {
            _fixedAuthorization = new AuthenticationHeaderValue("Bearer", options.ServiceToken);
        }

        _userAgent = SdkInfo.UserAgent(options.UserAgent);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Telemetry: this handler runs once per attempt, so it counts attempts and holds the per-attempt activity.
        var scope = OperationScope.Current;
        using var attempt = scope?.StartAttempt(request);
        try
        {
            var headers = request.Headers;
            headers.Authorization = _fixedAuthorization
                ?? new AuthenticationHeaderValue("Bearer", await _tokenProvider!(cancellationToken).ConfigureAwait(false));

            // As strings, parsed only if something reads them back: no header-value collections per request.
            headers.Remove("Accept");
            headers.TryAddWithoutValidation("Accept", Json);
            headers.Remove("User-Agent");
            headers.TryAddWithoutValidation("User-Agent", _userAgent);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            scope?.AttemptAnswered(attempt, response);
            return response;
        }
        catch (Exception failure) when (scope is not null)
        {
            OperationScope.AttemptFailed(attempt, failure);
            throw;
        }
    }
}
