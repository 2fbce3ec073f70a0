using System.Net.Sockets;
using CommerceGateway.Adapters.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CommerceGateway.Checkout.State.Redis;

/// <summary>
/// Runs every Redis call of the stores: bounds it by <see cref="StateStoreOptions.OperationTimeout"/>
/// (StackExchange.Redis 1.2.6 has no async timeout of its own) and turns connection failures and
/// timeouts into <see cref="StateStoreUnavailableException"/>.
/// </summary>
internal sealed partial class RedisCommandRunner(
    RedisConnection connection,
    IOptions<StateStoreOptions> options,
    TimeProvider timeProvider,
    ILogger<RedisCommandRunner> logger)
{
    private readonly TimeSpan _timeout = options.Value.OperationTimeout;

    public async Task<T> RunAsync<T>(string operation, Func<IDatabase, Task<T>> command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var started = timeProvider.GetTimestamp();
        Task<T>? pending = null;
        try
        {
            var multiplexer = await connection.GetAsync().WaitAsync(_timeout, timeProvider, cancellationToken);
            var remaining = _timeout - timeProvider.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException("Connecting to Redis used up the operation timeout.");
            }

            pending = command(multiplexer.GetDatabase());
            return await pending.WaitAsync(remaining, timeProvider, cancellationToken);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            Observe(pending);
            var reason = ex is TimeoutException and not RedisTimeoutException
                ? $"no answer within {_timeout.TotalMilliseconds:0} ms"
                : ex.Message;
            LogUnavailable(logger, operation, ex.GetType().Name, reason);
            throw StateStoreUnavailableException.For(operation, reason, ex);
        }
        catch (OperationCanceledException)
        {
            Observe(pending);
            throw;
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

    /// <summary>A call abandoned by a timeout may still fail later; observe it so it is not an unobserved exception.</summary>
    private static void Observe(Task? pending)
    {
        pending?.ContinueWith(
            static t => _ = t.Exception,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "State store unavailable: {Operation} failed with {ExceptionType}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string operation, string exceptionType, string reason);
}
