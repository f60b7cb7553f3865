using System.Net.Http.Headers;

namespace Databrain.Client.Transport;

/// <summary>
/// Adds <c>Authorization: Bearer</c>, <c>Accept</c> and <c>User-Agent</c> to every attempt. It sits below the
/// resilience handler, so a retried attempt asks the token provider again (a rotated token is picked up).
/// A caller who replaces the SDK's resilience handler on the DI path gets theirs added below this one instead:
/// then every attempt of a call reuses the first attempt's token.
/// </summary>
/// <remarks>
/// With a fixed token the header value is built once and shared by every request
/// (<see cref="AuthenticationHeaderValue"/> has no setters, so sharing it is safe), and the call passes
/// straight through without an async state machine. Accept and User-Agent are added as strings, parsed
/// only if something reads them back.
/// </remarks>
internal sealed class SdkHeadersHandler : DelegatingHandler
{
    private const string Json = "application/json";
    private readonly Func<CancellationToken, ValueTask<string>>? _tokenProvider;
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

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_fixedAuthorization is not null)
        {
            AddHeaders(request, _fixedAuthorization);
            return base.SendAsync(request, cancellationToken);
        }

        return SendWithProvidedTokenAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithProvidedTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await _tokenProvider!(cancellationToken).ConfigureAwait(false);
        AddHeaders(request, new AuthenticationHeaderValue("Bearer", token));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private void AddHeaders(HttpRequestMessage request, AuthenticationHeaderValue authorization)
    {
        var headers = request.Headers;
        headers.Authorization = authorization;
        headers.Remove("Accept");
        headers.TryAddWithoutValidation("Accept", Json);
        headers.Remove("User-Agent");
        headers.TryAddWithoutValidation("User-Agent", _userAgent);
    }
}
