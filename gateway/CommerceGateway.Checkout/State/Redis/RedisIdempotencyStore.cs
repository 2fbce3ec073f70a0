using StackExchange.Redis;

namespace CommerceGateway.Checkout.State.Redis;

/// <summary>
/// Idempotency records as Redis hashes (f = fingerprint, s = "p" in progress or "c" completed,
/// r = result). Claiming is one script, so exactly one of many concurrent first requests gets New.
/// Each record is its own unit (one key per script, so any hash slot will do); a claim is reported
/// New only once a replica has it, so a failover cannot let a retry run the request again.
/// </summary>
internal sealed class RedisIdempotencyStore(RedisCommandRunner redis, RedisKeys keys) : IIdempotencyStore
{
    /// <summary>KEYS: record. ARGV: fingerprint, ttl ms. Returns {"n"}, {"m"}, {"p"} or {"c", result}.</summary>
    private static readonly RedisScript Begin = new("""
        local r = redis.call('HMGET', KEYS[1], 'f', 's', 'r')
        if not r[1] then
          redis.call('HSET', KEYS[1], 'f', ARGV[1], 's', 'p')
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          return {'n'}
        end
        if r[1] ~= ARGV[1] then return {'m'} end
        if r[2] == 'c' then return {'c', r[3]} end
        return {'p'}
        """);

    /// <summary>KEYS: record. ARGV: fingerprint, result, ttl ms. Returns 1, or 0 when the key belongs to another fingerprint.</summary>
    private static readonly RedisScript Complete = new("""
        local f = redis.call('HGET', KEYS[1], 'f')
        if f and f ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'f', ARGV[1], 's', 'c', 'r', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 1
        """);

    /// <summary>KEYS: record. ARGV: fingerprint. Deletes an in-progress claim of that fingerprint.</summary>
    private static readonly RedisScript Abandon = new("""
        local r = redis.call('HMGET', KEYS[1], 'f', 's')
        if r[1] == ARGV[1] and r[2] == 'p' then return redis.call('DEL', KEYS[1]) end
        return 0
        """);

    public async Task<IdempotencyBeginResult> BeginAsync(string key, string fingerprint, TimeSpan ttl, CancellationToken ct = default)
    {
        StateArguments.Id(key, nameof(key));
        StateArguments.Id(fingerprint, nameof(fingerprint));
        StateArguments.Ttl(ttl, nameof(ttl));

        RedisKey[] scriptKeys = [keys.Idempotency(key)];
        RedisValue[] values = [fingerprint, TtlMs(ttl)];
        var items = (RedisResult[])(await redis.RunAsync("idempotency begin", db => Begin.EvaluateAsync(db, scriptKeys, values), ct))!;
        if ((string?)items[0] == "n" && !await redis.ReplicatedAsync("idempotency begin", scriptKeys[0]))
        {
            // A claim only the master knows could vanish in a failover, and a retry on the promoted
            // replica would run the payment a second time: the claim is dropped and the caller,
            // told it failed, runs nothing.
            RedisValue[] fingerprintOnly = [fingerprint];
            await redis.RunAsync("idempotency begin", db => Abandon.EvaluateAsync(db, scriptKeys, fingerprintOnly), CancellationToken.None);
            throw Adapters.State.StateStoreUnavailableException.For("idempotency begin", "no replica confirmed the claim in time, so a failover could lose it");
        }

        return (string?)items[0] switch
        {
            "n" => IdempotencyBeginResult.New,
            "m" => IdempotencyBeginResult.Mismatch,
            "p" => IdempotencyBeginResult.InProgress,
            _ => IdempotencyBeginResult.Completed((string)items[1]!),
        };
    }

    public async Task CompleteAsync(string key, string fingerprint, string result, TimeSpan ttl, CancellationToken ct = default)
    {
        StateArguments.Id(key, nameof(key));
        StateArguments.Id(fingerprint, nameof(fingerprint));
        ArgumentNullException.ThrowIfNull(result);
        StateArguments.Ttl(ttl, nameof(ttl));

        RedisKey[] scriptKeys = [keys.Idempotency(key)];
        RedisValue[] values = [fingerprint, result, TtlMs(ttl)];
        var stored = await redis.RunAsync("idempotency complete", db => Complete.EvaluateAsync(db, scriptKeys, values), ct);
        if ((long)stored != 1)
        {
            throw IdempotencyKeyMismatchException.ForKey(key);
        }

        // The request has run: failing now would report a failure for a payment that happened. The
        // wait only narrows the window in which a failover loses the result (the runner logs it when
        // no replica confirms); the claim, confirmed at begin, then keeps a retry at InProgress
        // until it lapses.
        await redis.ReplicatedAsync("idempotency complete", scriptKeys[0]);
    }

    public async Task AbandonAsync(string key, string fingerprint, CancellationToken ct = default)
    {
        StateArguments.Id(key, nameof(key));
        StateArguments.Id(fingerprint, nameof(fingerprint));

        RedisKey[] scriptKeys = [keys.Idempotency(key)];
        RedisValue[] values = [fingerprint];
        await redis.RunAsync("idempotency abandon", db => Abandon.EvaluateAsync(db, scriptKeys, values), ct);
    }

    private static long TtlMs(TimeSpan ttl) => Math.Max(1, (long)Math.Ceiling(ttl.TotalMilliseconds));
}
