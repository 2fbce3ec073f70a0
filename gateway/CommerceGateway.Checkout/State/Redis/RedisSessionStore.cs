using StackExchange.Redis;

namespace CommerceGateway.Checkout.State.Redis;

/// <summary>
/// Sessions as Redis hashes (d = document, v = version, t = TTL ms). The version check and the
/// write are one script, so two replicas cannot both win a write from the same version.
/// </summary>
internal sealed class RedisSessionStore(RedisCommandRunner redis, RedisKeys keys) : ISessionStore
{
    /// <summary>KEYS: session. Returns {document, version} and slides the expiry, or nil.</summary>
    private static readonly RedisScript Get = new("""
        local r = redis.call('HMGET', KEYS[1], 'd', 'v', 't')
        if not r[1] then return nil end
        redis.call('PEXPIRE', KEYS[1], r[3])
        return {r[1], r[2]}
        """);

    /// <summary>KEYS: session. ARGV: document, expected version, ttl ms. Returns {1, new version} or {0, current version}.</summary>
    private static readonly RedisScript Put = new("""
        local current = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
        if current ~= tonumber(ARGV[2]) then return {0, current} end
        local version = current + 1
        redis.call('HSET', KEYS[1], 'd', ARGV[1], 'v', version, 't', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return {1, version}
        """);

    public async Task<VersionedDocument?> GetAsync(string sessionId, CancellationToken ct = default)
    {
        StateArguments.Id(sessionId, nameof(sessionId));
        RedisKey[] scriptKeys = [keys.Session(sessionId)];
        var result = await redis.RunAsync("session read", db => Get.EvaluateAsync(db, scriptKeys, []), ct);
        if (result.IsNull)
        {
            return null;
        }

        var items = (RedisResult[])result!;
        return new VersionedDocument((string)items[0]!, (long)items[1]);
    }

    public async Task<long> PutAsync(string sessionId, string document, long expectedVersion, TimeSpan ttl, CancellationToken ct = default)
    {
        StateArguments.Id(sessionId, nameof(sessionId));
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        StateArguments.Ttl(ttl, nameof(ttl));

        RedisKey[] scriptKeys = [keys.Session(sessionId)];
        RedisValue[] values = [document, expectedVersion, Math.Max(1, (long)Math.Ceiling(ttl.TotalMilliseconds))];
        var items = (RedisResult[])(await redis.RunAsync("session write", db => Put.EvaluateAsync(db, scriptKeys, values), ct))!;
        if ((long)items[0] != 1)
        {
            throw new SessionVersionConflictException(sessionId, expectedVersion, (long)items[1]);
        }

        return (long)items[1];
    }

    public Task<bool> DeleteAsync(string sessionId, CancellationToken ct = default)
    {
        StateArguments.Id(sessionId, nameof(sessionId));
        var key = keys.Session(sessionId);
        return redis.RunAsync("session delete", db => db.KeyDeleteAsync(key), ct);
    }

    public Task ScheduleFollowUpAsync(string sessionId, DateTimeOffset dueAt, CancellationToken ct = default)
    {
        StateArguments.Id(sessionId, nameof(sessionId));
        var index = keys.FollowUps;
        return redis.RunAsync("follow-up schedule", db => db.SortedSetAddAsync(index, sessionId, dueAt.ToUnixTimeMilliseconds()), ct);
    }

    public Task CancelFollowUpAsync(string sessionId, CancellationToken ct = default)
    {
        StateArguments.Id(sessionId, nameof(sessionId));
        var index = keys.FollowUps;
        return redis.RunAsync("follow-up cancel", db => db.SortedSetRemoveAsync(index, sessionId), ct);
    }

    public async Task<IReadOnlyList<string>> GetDueFollowUpsAsync(DateTimeOffset until, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var index = keys.FollowUps;
        var due = await redis.RunAsync(
            "follow-up read",
            db => db.SortedSetRangeByScoreAsync(index, double.NegativeInfinity, until.ToUnixTimeMilliseconds(), Exclude.None, Order.Ascending, 0, limit),
            ct);
        return [.. due.Select(id => (string)id!)];
    }
}
