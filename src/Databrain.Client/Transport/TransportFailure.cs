#if NETFRAMEWORK
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
#endif

namespace Databrain.Client.Transport;

/// <summary>
/// What an <see cref="HttpRequestException"/> proves about how far a request got. .NET says it in
/// <c>HttpRequestException.HttpRequestError</c>; .NET Framework has no such property, so there the cause is read from
/// the inner exception: a <c>WebException</c> status (.NET Framework's own handler) or a socket error (the
/// socket-based handler Mono uses), and named as .NET names it, so a log line reads the same on every target.
/// </summary>
internal static class TransportFailure
{
    /// <summary>
    /// Whether the HTTP stack threw <paramref name="exception"/> for a failed exchange: an
    /// <see cref="HttpRequestException"/>, or an <see cref="IOException"/> from reading a body. On .NET Framework also a
    /// bare <c>WebException</c>: the HttpWebRequest stack throws one from reading a response (Mono's even from sending),
    /// where it does not wrap it in an <see cref="HttpRequestException"/>.
    /// </summary>
    public static bool IsTransportException(Exception? exception) =>
#if NETFRAMEWORK
        exception is HttpRequestException or IOException or WebException;
#else
        exception is HttpRequestException or IOException;
#endif

    /// <summary>The connection was never established (refused, unreachable, name not resolved): nothing reached the server.</summary>
    public static bool NeverConnected(HttpRequestException exception) =>
#if NETFRAMEWORK
        Kind(exception) is ConnectionError or NameResolutionError;
#else
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
#endif

    /// <summary>The TLS handshake or the proxy tunnel failed: a connection existed, but no byte of the request was sent.</summary>
    public static bool FailedBeforeSending(HttpRequestException exception) =>
#if NETFRAMEWORK
        Kind(exception) is SecureConnectionError;
#else
        exception.HttpRequestError is HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
#endif

    /// <summary>The failure's kind for a log line: never a message (it may quote a URL or a header).</summary>
    public static string Describe(HttpRequestException exception) =>
#if NETFRAMEWORK
        Kind(exception) ?? exception.InnerException switch
        {
            WebException web => web.Status.ToString(),
            SocketException socket => socket.SocketErrorCode.ToString(),
            { } inner => inner.GetType().Name,
            null => "Unknown",
        };
#else
        exception.HttpRequestError.ToString();
#endif

#if NETFRAMEWORK
    // The names of .NET's HttpRequestError values for the kinds that decide a retry.
    private const string ConnectionError = nameof(ConnectionError);
    private const string NameResolutionError = nameof(NameResolutionError);
    private const string SecureConnectionError = nameof(SecureConnectionError);

    /// <summary>The kind the inner exception proves, by .NET's name; <see langword="null"/> when it proves none of them.</summary>
    private static string? Kind(HttpRequestException exception) => exception.InnerException switch
    {
        WebException { Status: WebExceptionStatus.ConnectFailure } => ConnectionError,
        WebException { Status: WebExceptionStatus.NameResolutionFailure or WebExceptionStatus.ProxyNameResolutionFailure } => NameResolutionError,
        WebException { Status: WebExceptionStatus.SecureChannelFailure or WebExceptionStatus.TrustFailure } => SecureConnectionError,
        SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable } => ConnectionError,
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } => NameResolutionError,
        AuthenticationException => SecureConnectionError,
        _ => null,
    };
#endif
}
