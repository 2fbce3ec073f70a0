namespace CommerceGateway.Checkout.State.Redis;

/// <summary>A real PING through the same runner (timeout, error mapping) as every store call.</summary>
internal sealed class RedisStateStoreProbe(RedisCommandRunner redis) : IStateStoreProbe
{
    public string Kind => "redis";

    public Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default) =>
        redis.RunAsync("ping", db => db.PingAsync(), cancellationToken);
}
