namespace CommerceGateway.Checkout.State.Redis;

/// <summary>Revoked token ids as Redis keys that expire when the token would have.</summary>
internal sealed class RedisRevokedTokenStore(RedisCommandRunner redis, RedisKeys keys, TimeProvider timeProvider) : IRevokedTokenStore
{
    public async Task RevokeAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken ct = default)
    {
        StateArguments.Id(tokenId, nameof(tokenId));
        var ttl = expiresAt - timeProvider.GetUtcNow();
        if (ttl <= TimeSpan.Zero)
        {
            ct.ThrowIfCancellationRequested();
            return;
        }

        var key = keys.Revoked(tokenId);
        var expiry = TimeSpan.FromMilliseconds(Math.Ceiling(ttl.TotalMilliseconds));
        await redis.RunAsync("token revoke", db => db.StringSetAsync(key, "1", expiry), ct);
    }

    public Task<bool> IsRevokedAsync(string tokenId, CancellationToken ct = default)
    {
        StateArguments.Id(tokenId, nameof(tokenId));
        var key = keys.Revoked(tokenId);
        return redis.RunAsync("token revocation check", db => db.KeyExistsAsync(key), ct);
    }
}
