using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CommerceGateway.Checkout.State.Redis;

/// <summary>
/// The process's one <see cref="ConnectionMultiplexer"/> (a singleton service), created on first
/// use and disposed with the container. Connecting never aborts: while Redis is down the
/// multiplexer keeps retrying in the background and calls fail fast until it is back.
/// </summary>
internal sealed partial class RedisConnection : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan MinHeartbeat = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxHeartbeat = TimeSpan.FromSeconds(1);
    private readonly ConfigurationOptions _configuration;
    private readonly ILogger<RedisConnection> _logger;
    private readonly Lock _gate = new();
    private Task<ConnectionMultiplexer>? _connecting;
    private bool _disposed;

    public RedisConnection(RedisConnectionString connectionString, IOptions<StateStoreOptions> options, ILogger<RedisConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        _configuration = WithTimeouts(connectionString.Options, options.Value.OperationTimeout);
        _logger = logger;
    }

    /// <summary>True when the connection string names a Sentinel service (<c>serviceName=</c>): the endpoints are sentinels.</summary>
    public bool UsesSentinel => !string.IsNullOrEmpty(_configuration.ServiceName);

    /// <summary>
    /// The multiplexer's timeouts are the ones that bound a command (see <see cref="RedisCommandRunner"/>):
    /// it fails a command only after taking it off its queue, so a command reported as timed out is
    /// never sent later. AsyncTimeout bounds a command sent and awaiting its reply; a command still
    /// queued inside the multiplexer (waiting for the socket) is held at most SyncTimeout, so both
    /// are the operation timeout. The multiplexer checks for timeouts on each heartbeat, so the
    /// heartbeat runs at a quarter of the timeout (at most every second, the library's default, and
    /// at least every 100 ms) to report a timeout close to when it falls due. An announced server
    /// maintenance would otherwise relax the timeout to 10 s; ours is a promise to the callers, so
    /// it stays.
    /// </summary>
    internal static ConfigurationOptions WithTimeouts(ConfigurationOptions options, TimeSpan operationTimeout)
    {
        var configured = options.Clone();
        var milliseconds = (int)Math.Ceiling(operationTimeout.TotalMilliseconds);
        configured.AsyncTimeout = milliseconds;
        configured.SyncTimeout = milliseconds;
        configured.MaintenanceRelaxedTimeout = operationTimeout;
        configured.HeartbeatInterval = TimeSpan.FromTicks(Math.Clamp(operationTimeout.Ticks / 4, MinHeartbeat.Ticks, MaxHeartbeat.Ticks));
        // Key names carry token ids, cart ids and idempotency keys; the client's exception texts,
        // which reach our outage warnings, must not. The warning names the operation instead.
        configured.IncludeDetailInExceptions = false;
        return configured;
    }

    /// <summary>The multiplexer, connecting it the first time; a failed connect is retried by the next caller.</summary>
    public Task<ConnectionMultiplexer> GetAsync()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connecting is null || _connecting.IsFaulted || _connecting.IsCanceled)
            {
                _ = _connecting?.Exception; // observed: it was reported to the caller that awaited it, or to nobody
                _connecting = ConnectAsync();
            }

            return _connecting;
        }
    }

    public async ValueTask DisposeAsync()
    {
        var connecting = MarkDisposed();
        if (connecting is { IsCompletedSuccessfully: true })
        {
            await connecting.Result.DisposeAsync();
        }
        else if (connecting is not null)
        {
            _ = DisposeWhenConnectedAsync(connecting);
        }
    }

    public void Dispose()
    {
        if (MarkDisposed() is { } connecting)
        {
            _ = DisposeWhenConnectedAsync(connecting);
        }
    }

    private Task<ConnectionMultiplexer>? MarkDisposed()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return null;
            }

            _disposed = true;
            return _connecting;
        }
    }

    /// <summary>A connect still in flight is closed as soon as it finishes, so no multiplexer outlives the container.</summary>
    private static async Task DisposeWhenConnectedAsync(Task<ConnectionMultiplexer> connecting)
    {
        await ((Task)connecting).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (connecting.IsCompletedSuccessfully)
        {
            await connecting.Result.DisposeAsync();
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(_configuration.Clone());
        multiplexer.ConnectionFailed += (_, e) => LogConnectionFailed(_logger, e.EndPoint, e.FailureType);
        multiplexer.ConnectionRestored += (_, e) => LogConnectionRestored(_logger, e.EndPoint);
        LogConnected(_logger, multiplexer.IsConnected);
        return multiplexer;
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Redis state store multiplexer created (connected: {Connected})")]
    private static partial void LogConnected(ILogger logger, bool connected);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Redis connection to {EndPoint} failed: {FailureType}")]
    private static partial void LogConnectionFailed(ILogger logger, System.Net.EndPoint? endPoint, ConnectionFailureType failureType);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Redis connection to {EndPoint} restored")]
    private static partial void LogConnectionRestored(ILogger logger, System.Net.EndPoint? endPoint);
}
