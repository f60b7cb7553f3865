using Microsoft.Extensions.Logging;

namespace Databrain.Client.Tests.Observability;

/// <summary>One log line as a provider saw it: formatted message, structured values and the exception's text.</summary>
public sealed record CapturedLog(
    string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, string? Exception)
{
    public object? Value(string key) => State.Single(p => p.Key == key).Value;

    /// <summary>Everything this line could show anyone: category, message, every state value, the exception.</summary>
    public IEnumerable<string> Texts()
    {
        yield return Category;
        yield return Message;
        foreach (var (key, value) in State)
        {
            yield return key;
            yield return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        }

        if (Exception is not null)
        {
            yield return Exception;
        }
    }
}
