using Microsoft.Extensions.Logging;

namespace CommerceGateway.Adapters;

/// <summary>Backend call logs. Paths only: query strings may carry tokens, so they are never logged.</summary>
internal static partial class BackendHttpLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Backend {Channel} {Operation} {Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms (correlation {CorrelationId})")]
    public static partial void Completed(ILogger logger, string channel, string operation, string method, string path, int statusCode, double elapsedMs, string? correlationId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "Backend {Channel} {Operation} {Method} {Path} failed with {Outcome} after {ElapsedMs:0.0} ms (correlation {CorrelationId})")]
    public static partial void Failed(ILogger logger, string channel, string operation, string method, string path, string outcome, double elapsedMs, string? correlationId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "Backend {Channel} circuit opened for {BreakSeconds} s")]
    public static partial void CircuitOpened(ILogger logger, string channel, double breakSeconds);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information,
        Message = "Backend {Channel} circuit closed")]
    public static partial void CircuitClosed(ILogger logger, string channel);
}
