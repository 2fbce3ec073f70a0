using System.Net.Sockets;
using CommerceGateway.Adapters.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CommerceGateway.Checkout.State.Redis;

/// <summary>
/// Runs every Redis call of the stores and turns connection failures and timeouts into
/// <see cref="StateStoreUnavailableException"/>. Waiting for the multiplexer is bounded here by
/// <see cref="StateStoreOptions.OperationTimeout"/> (no command exists yet, so nothing can be sent
/// later). A command, once handed to the multiplexer, is bounded by the multiplexer's own timeout,
/// set to the same value (<see cref="RedisConnection.WithTimeouts"/>): it reports a timeout only
/// after taking the command off its queue, whereas a timer of ours could give up on a command the
/// multiplexer still holds and sends later.
/// </summary>
internal sealed partial class RedisCommandRunner(
    RedisConnection connection,
    IOptions<StateStoreOptions> options,
    TimeProvider timeProvider,
    ILogger<RedisCommandRunner> logger)
{
    private readonly TimeSpan _timeout = options.Value.OperationTimeout;

    /// <summary>
    /// Runs <paramref name="command"/>. <paramref name="cancellationToken"/> is honoured until the
    /// command is handed to the multiplexer; after that the call returns the command's own outcome
    /// (within the timeout), because a caller told "cancelled" would take a write that Redis then
    /// applies for one that did not happen.
    /// </summary>
    public async Task<T> RunAsync<T>(string operation, Func<IDatabase, Task<T>> command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var multiplexer = await connection.GetAsync().WaitAsync(_timeout, timeProvider, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            return await command(multiplexer.GetDatabase());
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            var reason = ex is TimeoutException ? $"no answer within {_timeout.TotalMilliseconds:0} ms" : ex.Message;
            LogUnavailable(logger, operation, ex.GetType().Name, reason);
            throw StateStoreUnavailableException.For(operation, reason, ex);
        }
    }

    private static bool IsUnavailable(Exception ex) => ex switch
    {
        TimeoutException => true, // includes RedisTimeoutException
        RedisConnectionException => true,
        SocketException or IOException => true,
        RedisServerException server => IsTransientServerError(server.Message),
        _ => false,
    };

    /// <summary>Errors of a server that is starting, busy or failing over, as opposed to errors in our commands.</summary>
    private static bool IsTransientServerError(string message) =>
        message.StartsWith("LOADING", StringComparison.Ordinal)
        || message.StartsWith("BUSY", StringComparison.Ordinal)
        || message.StartsWith("MASTERDOWN", StringComparison.Ordinal)
        || message.StartsWith("TRYAGAIN", StringComparison.Ordinal);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "State store unavailable: {Operation} failed with {ExceptionType}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string operation, string exceptionType, string reason);
}
