namespace Databrain.Testing;

/// <summary>
/// One request as a test server saw it, recorded when it arrived (so a request whose answer is still delayed
/// is counted too), with the status it was answered with once that is known; <see langword="null"/> when no
/// status line was sent (a reset, a close, a delay the client did not wait for).
/// </summary>
public sealed class ServerExchange(string method, string path)
{
    private int _status;

    public string Method { get; } = method;

    public string Path { get; } = path;

    public int? Status => Volatile.Read(ref _status) is var status and not 0 ? status : null;

    public void Answered(int status) => Volatile.Write(ref _status, status);

    public bool Is(string method, string path) => Method == method && Path == path;

    public override string ToString() => $"{Method} {Path} -> {Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"}";
}
