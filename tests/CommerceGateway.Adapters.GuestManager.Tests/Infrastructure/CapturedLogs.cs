using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Adapters.GuestManager.Tests.Infrastructure;

/// <summary>Keeps every log entry the channel writes, so tests can check what was logged (and what was not).</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    /// <summary>The entries with <paramref name="eventId"/>, oldest first.</summary>
    public IReadOnlyList<CapturedLog> WithEvent(int eventId) => [.. _entries.Where(e => e.EventId == eventId)];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            owner._entries.Enqueue(new CapturedLog(eventId.Id, formatter(state, exception), values.ToDictionary(v => v.Key, v => v.Value)));
        }
    }
}

/// <summary>One captured log entry with its structured values.</summary>
internal sealed record CapturedLog(int EventId, string Message, IReadOnlyDictionary<string, object?> Values);
