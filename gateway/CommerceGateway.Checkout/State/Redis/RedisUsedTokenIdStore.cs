using StackExchange.Redis;

namespace CommerceGateway.Checkout.State.Redis;

/// <summary>Used token ids as Redis keys set only if absent (SET NX PX), expiring when the token would have.</summary>
internal sealed class RedisUsedTokenIdStore(RedisCommandRunner redis, RedisKeys keys, TimeProvider timeProvider) : IUsedTokenIdStore
{
    public async Task<bool> TryUseAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken ct = default)
    {
        StateArguments.Id(tokenId, nameof(tokenId));
        var ttl = expiresAt - timeProvider.GetUtcNow();
        if (ttl <= TimeSpan.Zero)
        {
            ct.ThrowIfCancellationRequested();
            return false;
        }

        var key = keys.Used(tokenId);
        var expiry = TimeSpan.FromMilliseconds(Math.Ceiling(ttl.TotalMilliseconds));
        if (!await redis.RunAsync("token id use", db => db.StringSetAsync(key, "1", expiry, When.NotExists), ct))
        {
            return false;
        }

        if (!await redis.ReplicatedAsync("token id use", key))
        {
            // A mark only the master knows could vanish in a failover and let the token be used again: the
            // mark is dropped and the caller, told the store failed, accepts nothing (and may retry).
            await redis.RunAsync("token id use", db => db.KeyDeleteAsync(key), CancellationToken.None);
            throw Adapters.State.StateStoreUnavailableException.For("token id use", "no replica confirmed the mark in time, so a failover could lose it");
        }

        return true;
    }
}
