#if NETFRAMEWORK
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
#endif

namespace Databrain.Client.Tests.Resilience;

/// <summary>
/// Transport failures as this platform's <see cref="HttpClient"/> reports them. .NET names the kind in
/// <c>HttpRequestException.HttpRequestError</c>. .NET Framework has no such property: its own handler wraps a
/// <see cref="System.Net.WebException"/>, Mono's (a port of .NET's SocketsHttpHandler) a socket or I/O exception.
/// </summary>
public static class TransportFailures
{
    private static readonly (string Name, HttpRequestException Exception, bool RetriedForCreate, bool NeverSent, string Described)[] All =
    [
#if NETFRAMEWORK
        ("WebException ConnectFailure", Web(WebExceptionStatus.ConnectFailure), true, true, "ConnectionError"),
        ("WebException NameResolutionFailure", Web(WebExceptionStatus.NameResolutionFailure), true, true, "NameResolutionError"),
        ("WebException ProxyNameResolutionFailure", Web(WebExceptionStatus.ProxyNameResolutionFailure), true, true, "NameResolutionError"),
        ("SocketException ConnectionRefused", Socket(SocketError.ConnectionRefused), true, true, "ConnectionError"),
        ("SocketException HostNotFound", Socket(SocketError.HostNotFound), true, true, "NameResolutionError"),
        ("SocketException NetworkUnreachable", Socket(SocketError.NetworkUnreachable), true, true, "ConnectionError"),
        ("WebException SecureChannelFailure", Web(WebExceptionStatus.SecureChannelFailure), false, true, "SecureConnectionError"),
        ("WebException TrustFailure", Web(WebExceptionStatus.TrustFailure), false, true, "SecureConnectionError"),
        ("AuthenticationException", new("x", new AuthenticationException("x")), false, true, "SecureConnectionError"),
        ("WebException ReceiveFailure", Web(WebExceptionStatus.ReceiveFailure), false, false, "ReceiveFailure"),
        ("SocketException ConnectionReset", Socket(SocketError.ConnectionReset), false, false, "ConnectionReset"),
        ("IOException", new("x", new IOException("x")), false, false, "IOException"),
        ("no inner exception", new("x"), false, false, "Unknown"),
#else
        ("ConnectionError", new(HttpRequestError.ConnectionError, "x"), true, true, "ConnectionError"),
        ("NameResolutionError", new(HttpRequestError.NameResolutionError, "x"), true, true, "NameResolutionError"),
        ("SecureConnectionError", new(HttpRequestError.SecureConnectionError, "x"), false, true, "SecureConnectionError"),
        ("ProxyTunnelError", new(HttpRequestError.ProxyTunnelError, "x"), false, true, "ProxyTunnelError"),
        ("ResponseEnded", new(HttpRequestError.ResponseEnded, "x"), false, false, "ResponseEnded"),
        ("Unknown", new(HttpRequestError.Unknown, "x"), false, false, "Unknown"),
#endif
    ];

    /// <summary>
    /// How many times the handler itself resends a request without a body when the server closed the connection
    /// before answering: .NET's SocketsHttpHandler 3 times; Mono's handler (measured, Mono 6.8) and .NET Framework's
    /// (whose retry covers only a reused keep-alive connection; the raw server's connections are new) never.
    /// </summary>
#if NETFRAMEWORK
    public const int ResendsAfterACloseBeforeTheAnswer = 0;
#else
    public const int ResendsAfterACloseBeforeTheAnswer = 3;
#endif

    /// <summary>
    /// Each failure by name, with whether it lets a create be retried, whether it proves nothing was sent, and how a log
    /// line names it (.NET's names on every target, for the kinds that decide a retry).
    /// </summary>
    public static TheoryData<string, bool, bool, string> Kinds
    {
        get
        {
            var data = new TheoryData<string, bool, bool, string>();
            foreach (var (name, _, retriedForCreate, neverSent, described) in All)
            {
                data.Add(name, retriedForCreate, neverSent, described);
            }

            return data;
        }
    }

    public static HttpRequestException Named(string name) => All.Single(f => f.Name == name).Exception;

    /// <summary>Asserts that <paramref name="exception"/> is this platform's report of a connection nothing accepted.</summary>
    public static void ShouldBeARefusedConnection(Exception? exception)
    {
        var http = exception.Should().BeOfType<HttpRequestException>().Subject;
#if NETFRAMEWORK
        if (Type.GetType("Mono.Runtime") is not null)
        {
            http.InnerException.Should().BeOfType<SocketException>().Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);
        }
        else
        {
            http.InnerException.Should().BeOfType<WebException>().Which.Status.Should().Be(WebExceptionStatus.ConnectFailure);
        }
#else
        http.HttpRequestError.Should().Be(HttpRequestError.ConnectionError);
#endif
    }

#if NETFRAMEWORK
    private static HttpRequestException Web(WebExceptionStatus status) => new("x", new WebException("x", status));

    private static HttpRequestException Socket(SocketError error) => new("x", new SocketException((int)error));
#endif
}
