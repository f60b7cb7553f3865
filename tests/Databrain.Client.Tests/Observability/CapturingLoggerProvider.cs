using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Databrain.Client.Tests.Observability;

/// <summary>
/// Captures every log line of every category at every level (scopes included), with its formatted message, its
/// structured values and its exception's <c>ToString()</c>.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private ConcurrentQueue<CapturedLog> _logs = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<CapturedLog> Logs => _logs.ToArray();

    public void Clear() => _logs = new ConcurrentQueue<CapturedLog>();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new List<KeyValuePair<string, object?>>();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                values.AddRange(pairs);
            }
            else
            {
                values.Add(new("State", state?.ToString()));
            }

            owner._scopes?.ForEachScope((scope, list) => list.Add(new("Scope", scope?.ToString())), values);
            owner._logs.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), values, exception?.ToString()));
        }
    }
}
