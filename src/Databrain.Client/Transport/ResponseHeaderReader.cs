using System.Net.Http.Headers;

namespace Databrain.Client.Transport;

/// <summary>The response headers the SDK reads: the request id (success results and errors carry it) and <c>Retry-After</c>.</summary>
internal static class ResponseHeaderReader
{
    // DataBrain's own header first, then the names proxies and gateways in front of a self-hosted server use.
    private static readonly string[] RequestIdHeaders = ["x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id"];

    /// <summary>The request id: the value of the first of <see cref="RequestIdHeaders"/> the answer carries, if any.</summary>
    public static string? RequestId(HttpResponseHeaders headers)
    {
        // One pass over the headers as they arrived (NonValidated: no parsing, nothing allocated), not one lookup per name.
        // .NET Framework has no NonValidated view: there the headers are read as parsed.
        string? found = null;
        var rank = RequestIdHeaders.Length;
#if NETFRAMEWORK
        foreach (var header in headers)
#else
        foreach (var header in headers.NonValidated)
#endif
        {
            for (var i = 0; i < rank; i++)
            {
                if (string.Equals(header.Key, RequestIdHeaders[i], StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var value in header.Value)
                    {
                        (found, rank) = (value, i);
                        break;
                    }

                    break;
                }
            }
        }

        return found;
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
