using Microsoft.Extensions.Hosting;

namespace CommerceGateway.Checkout.State.Redis;

/// <summary>
/// Starts connecting the multiplexer when the host starts, without waiting for it: the first request
/// then finds a connection (or one under way) instead of spending its operation timeout on the
/// handshake, and start-up still succeeds while Redis is down.
/// </summary>
internal sealed class RedisConnectionStarter(RedisConnection connection) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A failed connect is retried by the next caller of GetAsync, which reports it.
        _ = connection.GetAsync();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
