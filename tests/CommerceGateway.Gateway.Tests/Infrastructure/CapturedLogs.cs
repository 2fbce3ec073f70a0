using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Gateway.Tests.Infrastructure;

/// <summary>A logger provider that keeps every entry (message, structured values and scopes) in memory.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLogEntry> Entries => [.. _entries];

    /// <summary>Every entry as one line of text: category, message, values and scopes.</summary>
    public string AllText => string.Join('\n', Entries.Select(e => e.ToString()));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    values[key] = value;
                }
            }

            owner._scopes.ForEachScope(
                (scope, target) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> scopePairs)
                    {
                        foreach (var (key, value) in scopePairs)
                        {
                            target.TryAdd("scope." + key, value);
                        }
                    }
                },
                values);
            owner._entries.Enqueue(new CapturedLogEntry(category, logLevel, eventId, formatter(state, exception), values));
        }
    }
}
