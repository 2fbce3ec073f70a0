using System.Globalization;
using System.Net.Sockets;
using CommerceGateway.Adapters.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CommerceGateway.Checkout.State.Redis;

/// <summary>
/// Runs every Redis call of the stores and turns every client or server failure into
/// <see cref="StateStoreUnavailableException"/> with a sentence of ours: the client library's and the
/// server's own text goes to the log, never into the exception's message, so no caller ever sees
/// it. Waiting for the multiplexer is bounded here by <see cref="StateStoreOptions.OperationTimeout"/>
/// (no command exists yet, so nothing can be sent later). A command, once handed to the multiplexer,
/// is bounded by the multiplexer's own timeout, set to the same value
/// (<see cref="RedisConnection.WithTimeouts"/>): it reports a timeout only after taking the command
/// off its queue, whereas a timer of ours could give up on a command the multiplexer still holds
/// and sends later.
/// </summary>
internal sealed partial class RedisCommandRunner(
    RedisConnection connection,
    IOptions<StateStoreOptions> options,
    TimeProvider timeProvider,
    ILogger<RedisCommandRunner> logger)
{
    private readonly TimeSpan _timeout = options.Value.OperationTimeout;
    private readonly int? _replicaAcknowledgements = options.Value.ReplicaAcknowledgements;
    private readonly long _replicaWaitMs = Math.Max(1, (long)Math.Ceiling(Math.Min(
        options.Value.ReplicaAcknowledgementTimeout.TotalMilliseconds, options.Value.OperationTimeout.TotalMilliseconds / 2)));

    /// <summary>
    /// Runs <paramref name="command"/>. <paramref name="cancellationToken"/> is honoured until the
    /// command is handed to the multiplexer; after that the call returns the command's own outcome
    /// (within the timeout), because a caller told "cancelled" would take a write that Redis then
    /// applies for one that did not happen.
    /// </summary>
    public Task<T> RunAsync<T>(string operation, Func<IDatabase, Task<T>> command, CancellationToken cancellationToken) =>
        ExecuteAsync(operation, multiplexer => command(multiplexer.GetDatabase()), cancellationToken);

    /// <summary>
    /// After a write to <paramref name="key"/> that a failover must not lose, waits (Redis WAIT, at
    /// most <see cref="StateStoreOptions.ReplicaAcknowledgementTimeout"/>) until enough replicas of
    /// the key's master have it (<see cref="StateStoreOptions.ReplicaAcknowledgements"/>). WAIT
    /// counts every earlier write of this process's connection to that master, so it covers ours,
    /// which was answered before. True at once when no replica is required.
    /// </summary>
    /// <returns>Whether enough replicas acknowledged; false means the write may be lost in a failover.</returns>
    public Task<bool> ReplicatedAsync(string operation, RedisKey key) =>
        ExecuteAsync(operation, async multiplexer =>
        {
            var required = RequiredAcknowledgements(multiplexer);
            if (required == 0)
            {
                return true;
            }

            IServer server;
            try
            {
                server = multiplexer.GetServer(key);
            }
            catch (InvalidOperationException ex)
            {
                // Mid-failover no connected master owns the key yet: the store is unavailable, not our bug.
                LogUnavailable(logger, operation, ex.GetType().Name, ex.Message);
                throw StateStoreUnavailableException.For(operation, "the store is failing over, starting or busy", ex);
            }

            var acknowledged = (long)await server.ExecuteAsync("WAIT", required, _replicaWaitMs);
            if (acknowledged >= required)
            {
                return true;
            }

            LogNotReplicated(logger, operation, acknowledged, required, _replicaWaitMs);
            return false;
        }, CancellationToken.None);

    /// <summary>
    /// The replica acknowledgements a durable write needs: as configured, or by default 1 on a
    /// Redis Cluster or behind Sentinel (where a failover promotes a replica) and 0 on a single Redis.
    /// </summary>
    private int RequiredAcknowledgements(ConnectionMultiplexer multiplexer) =>
        _replicaAcknowledgements
        ?? (connection.UsesSentinel || multiplexer.GetServers().Any(static s => s.ServerType == ServerType.Cluster) ? 1 : 0);

    private async Task<T> ExecuteAsync<T>(string operation, Func<ConnectionMultiplexer, Task<T>> command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var multiplexer = await connection.GetAsync().WaitAsync(_timeout, timeProvider, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            return await command(multiplexer);
        }
        catch (Exception ex) when (Classify(ex) is { } reason)
        {
            if (reason.Transient)
            {
                LogUnavailable(logger, operation, ex.GetType().Name, ex.Message);
            }
            else
            {
                LogRefused(logger, ex, operation, ex.GetType().Name, ex.Message);
            }

            throw StateStoreUnavailableException.For(operation, reason.Text, ex);
        }
    }

    /// <summary>Our words for a failure of the client or the server; null for anything else (our own bugs surface as they are).</summary>
    private (bool Transient, string Text)? Classify(Exception ex) => ex switch
    {
        TimeoutException => (true, string.Create(CultureInfo.InvariantCulture, $"no answer within {_timeout.TotalMilliseconds:0} ms")), // includes RedisTimeoutException
        RedisConnectionException => (true, "no connection to the store"),
        SocketException or IOException => (true, "the connection to the store was lost"),
        RedisServerException server when IsTransientServerError(server.Message) => (true, "the store is failing over, starting or busy"),
        RedisException or RedisCommandException => (false, "the store refused the command; the gateway log has the details"),
        _ => null,
    };

    /// <summary>
    /// Errors of a server that is starting, busy or failing over, as opposed to errors in our commands:
    /// LOADING and BUSY while it starts or runs a long script, MASTERDOWN and READONLY while a replica
    /// is being promoted (a write that reached the old master after it was demoted), CLUSTERDOWN and
    /// TRYAGAIN while a cluster reconfigures, NOREPLICAS when min-replicas-to-write refuses writes.
    /// </summary>
    private static bool IsTransientServerError(string message) =>
        message.StartsWith("LOADING", StringComparison.Ordinal)
        || message.StartsWith("BUSY", StringComparison.Ordinal)
        || message.StartsWith("MASTERDOWN", StringComparison.Ordinal)
        || message.StartsWith("READONLY", StringComparison.Ordinal)
        || message.StartsWith("CLUSTERDOWN", StringComparison.Ordinal)
        || message.StartsWith("TRYAGAIN", StringComparison.Ordinal)
        || message.StartsWith("NOREPLICAS", StringComparison.Ordinal);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "State store unavailable: {Operation} failed with {ExceptionType}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string operation, string exceptionType, string reason);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Error, Message = "State store refused {Operation} with {ExceptionType}: {Reason}")]
    private static partial void LogRefused(ILogger logger, Exception exception, string operation, string exceptionType, string reason);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "State store write not replicated: {Operation} was acknowledged by {Acknowledged} of {Required} replicas within {WaitMs} ms")]
    private static partial void LogNotReplicated(ILogger logger, string operation, long acknowledged, int required, long waitMs);
}
