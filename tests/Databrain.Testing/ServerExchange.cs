using System.Globalization;

namespace Databrain.Testing;

/// <summary>
/// One request as a test server saw it, recorded when it arrived (so a request whose answer is still delayed
/// is counted too), with the status it was answered with once that is known; <see langword="null"/> when no
/// status line was sent (a reset, a close, a delay the client did not wait for). Every server fills it the same
/// way, so a test's assertions do not depend on which server it ran against.
/// </summary>
public sealed class ServerExchange
{
    private int _status;

    public ServerExchange(string method, string path, string rawQuery, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string body)
    {
        Method = method;
        Path = path;
        RawQuery = rawQuery;
        Query = ParseQuery(rawQuery);
        Headers = headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        Body = body;
    }

    public string Method { get; }

    /// <summary>The path, percent-decoded.</summary>
    public string Path { get; }

    /// <summary>The query as sent (still encoded), with its <c>?</c>; empty when there is none.</summary>
    public string RawQuery { get; }

    /// <summary>The query's parameters, decoded: each name with its values in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Query { get; }

    /// <summary>Each header (any case) with its values, one per header line.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The body as UTF-8 text; empty when there was none.</summary>
    public string Body { get; }

    public int? Status => Volatile.Read(ref _status) is var status and not 0 ? status : null;

    public void Answered(int status) => Volatile.Write(ref _status, status);

    public bool Is(string method, string path) => Method == method && Path == path;

    public override string ToString() => $"{Method} {Path} -> {Status?.ToString(CultureInfo.InvariantCulture) ?? "no answer"}";

    private static Dictionary<string, IReadOnlyList<string>> ParseQuery(string rawQuery)
    {
        var query = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in rawQuery.TrimStart('?').Split(['&'], StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = Decode(equals < 0 ? pair : pair.Substring(0, equals));
            var value = equals < 0 ? string.Empty : Decode(pair.Substring(equals + 1));
            if (!query.TryGetValue(name, out var values))
            {
                query[name] = values = [];
            }

            values.Add(value);
        }

        return query.ToDictionary(q => q.Key, q => (IReadOnlyList<string>)q.Value, StringComparer.Ordinal);
    }

    // A form-style query: '+' is a space, as ASP.NET Core reads it.
    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
