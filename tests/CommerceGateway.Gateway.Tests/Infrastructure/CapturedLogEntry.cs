using Microsoft.Extensions.Logging;

namespace CommerceGateway.Gateway.Tests.Infrastructure;

/// <summary>One captured log entry.</summary>
public sealed record CapturedLogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values)
{
    public override string ToString() =>
        $"{Category} [{EventId.Id}] {Message} | {string.Join("; ", Values.Select(v => $"{v.Key}={v.Value}"))}";
}
