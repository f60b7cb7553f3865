using System.Net.Http.Headers;

namespace Databrain.Client.Transport;

/// <summary>The response headers the SDK reads: the request id (success results and errors carry it) and <c>Retry-After</c>.</summary>
internal static class ResponseHeaderReader
{
    // DataBrain's own header first, then the names proxies and gateways in front of a self-hosted server use.
    private static readonly string[] RequestIdHeaders = ["x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id"];

    /// <summary>The first request id header's value, if any.</summary>
    public static string? RequestId(HttpResponseHeaders headers)
    {
        foreach (var name in RequestIdHeaders)
        {
            // NonValidated: no parsing and no enumerable allocated for a header that is absent.
            if (headers.NonValidated.TryGetValues(name, out var values))
            {
                foreach (var value in values)
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>The delay a <c>Retry-After</c> header asks for (seconds or an HTTP date), never negative.</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders? headers, TimeProvider timeProvider)
    {
        var header = headers?.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta > TimeSpan.Zero ? delta : TimeSpan.Zero;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
