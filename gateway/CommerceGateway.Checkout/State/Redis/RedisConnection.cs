using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CommerceGateway.Checkout.State.Redis;

/// <summary>
/// The process's one <see cref="ConnectionMultiplexer"/> (a singleton service), created on first
/// use and disposed with the container. Connecting never aborts: while Redis is down the
/// multiplexer keeps retrying in the background and calls fail fast until it is back.
/// </summary>
internal sealed partial class RedisConnection : IDisposable
{
    private readonly ConfigurationOptions _configuration;
    private readonly ILogger<RedisConnection> _logger;
    private readonly Lock _gate = new();
    private Task<ConnectionMultiplexer>? _connecting;
    private bool _disposed;

    public RedisConnection(RedisConnectionString connectionString, ILogger<RedisConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        _configuration = connectionString.Options;
        _logger = logger;
    }

    /// <summary>The multiplexer, connecting it the first time; a failed connect is retried by the next caller.</summary>
    public Task<ConnectionMultiplexer> GetAsync()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connecting is null || _connecting.IsFaulted || _connecting.IsCanceled)
            {
                _connecting = ConnectAsync();
            }

            return _connecting;
        }
    }

    public void Dispose()
    {
        Task<ConnectionMultiplexer>? connecting;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            connecting = _connecting;
        }

        if (connecting is null)
        {
            return;
        }

        // A connect still in flight is closed as soon as it finishes, so no multiplexer outlives the container.
        _ = connecting.ContinueWith(
            static task =>
            {
                if (task.IsCompletedSuccessfully)
                {
                    task.Result.Dispose();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
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
