using Microsoft.Extensions.Logging;

namespace CommerceGateway.Adapters.GuestManager;

/// <summary>The adapter's logs: ids and states only, never emails, names, tokens or payment references.</summary>
internal static partial class GuestManagerLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning,
        Message = "Guest Manager {Channel} {Operation} was rate limited; retrying in {RetryAfterSeconds} s (attempt {Attempt})")]
    public static partial void RateLimited(ILogger logger, string channel, string operation, double retryAfterSeconds, int attempt);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning,
        Message = "Guest Manager {Channel} {Operation} was rate limited for {RetryAfterSeconds} s, longer than the adapter waits")]
    public static partial void RateLimitExhausted(ILogger logger, string channel, string operation, double retryAfterSeconds);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Debug,
        Message = "Guest Manager {Channel} order {OrderId} is still processing payment; next check in {DelayMs} ms")]
    public static partial void StillProcessing(ILogger logger, string channel, string orderId, double delayMs);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information,
        Message = "Guest Manager {Channel} order {OrderId} moved to {State}")]
    public static partial void StateChanged(ILogger logger, string channel, string orderId, string state);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Information,
        Message = "Guest Manager {Channel} order {OrderId} resumed after expiry")]
    public static partial void Resumed(ILogger logger, string channel, string orderId);
}
