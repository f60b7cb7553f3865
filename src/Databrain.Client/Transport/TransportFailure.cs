#if NETFRAMEWORK
using System.Net;
using System.Net.Sockets;
#endif

namespace Databrain.Client.Transport;

/// <summary>
/// What an <see cref="HttpRequestException"/> proves about how far a request got. .NET says it in
/// <c>HttpRequestException.HttpRequestError</c>; .NET Framework has no such property, so there the cause is read from
/// the inner exception: a <c>WebException</c> status (.NET Framework's own handler) or a socket error (the
/// socket-based handler Mono uses).
/// </summary>
internal static class TransportFailure
{
    /// <summary>The connection was never established (refused, unreachable, name not resolved): nothing reached the server.</summary>
    public static bool NeverConnected(HttpRequestException exception) =>
#if NETFRAMEWORK
        exception.InnerException switch
        {
            WebException web => web.Status is WebExceptionStatus.ConnectFailure or WebExceptionStatus.NameResolutionFailure
                or WebExceptionStatus.ProxyNameResolutionFailure,
            SocketException socket => socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
                or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData,
            _ => false,
        };
#else
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
#endif

    /// <summary>The TLS handshake or the proxy tunnel failed: a connection existed, but no byte of the request was sent.</summary>
    public static bool FailedBeforeSending(HttpRequestException exception) =>
#if NETFRAMEWORK
        exception.InnerException switch
        {
            WebException web => web.Status is WebExceptionStatus.SecureChannelFailure or WebExceptionStatus.TrustFailure,
            System.Security.Authentication.AuthenticationException => true,
            _ => false,
        };
#else
        exception.HttpRequestError is HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
#endif

    /// <summary>The failure's kind for a log line: never a message (it may quote a URL or a header).</summary>
    public static string Describe(HttpRequestException exception) =>
#if NETFRAMEWORK
        exception.InnerException switch
        {
            WebException web => web.Status.ToString(),
            SocketException socket => socket.SocketErrorCode.ToString(),
            { } inner => inner.GetType().Name,
            null => "Unknown",
        };
#else
        exception.HttpRequestError.ToString();
#endif
}
