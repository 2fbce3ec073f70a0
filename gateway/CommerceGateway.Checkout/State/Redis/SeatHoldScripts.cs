namespace CommerceGateway.Checkout.State.Redis;

/// <summary>
/// The Lua scripts of <see cref="RedisSeatHoldStore"/>. A seat key holds
/// "fencingToken:expiresAtUnixMs:holder" with a PX expiry; the holder's sorted set is an index that
/// scripts prune when it points at seats the holder lost. Each script runs atomically in Redis.
/// </summary>
internal static class SeatHoldScripts
{
    /// <summary>
    /// KEYS: fencing counter, holder index, seat keys. ARGV: holder, ttl ms, expiresAt ms, seat ids.
    /// Returns {0, conflicting seat ids...} without writing anything, or {1, fencing token}. A missing
    /// counter (first use, or a Redis that restarted empty) starts at the server time in microseconds,
    /// so tokens keep increasing across such a restart as long as fewer than a million holds a second
    /// were taken on average.
    /// </summary>
    public static readonly RedisScript Acquire = new("""
        local holder = ARGV[1]
        local conflicts = {0}
        for i = 3, #KEYS do
          local v = redis.call('GET', KEYS[i])
          if v and string.match(v, '^%d+:%d+:(.*)$') ~= holder then
            conflicts[#conflicts + 1] = ARGV[i + 1]
          end
        end
        if #conflicts > 1 then return conflicts end
        if redis.call('EXISTS', KEYS[1]) == 0 then
          local now = redis.call('TIME')
          redis.call('SET', KEYS[1], now[1] .. string.format('%06d', tonumber(now[2])))
        end
        local token = redis.call('INCR', KEYS[1])
        local value = string.format('%.0f', token) .. ':' .. ARGV[3] .. ':' .. holder
        for i = 3, #KEYS do
          redis.call('SET', KEYS[i], value, 'PX', ARGV[2])
          redis.call('ZADD', KEYS[2], ARGV[3], ARGV[i + 1])
        end
        if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) then
          redis.call('PEXPIRE', KEYS[2], ARGV[2])
        end
        return {1, token}
        """);

    /// <summary>
    /// KEYS: holder index. ARGV: holder, seat key prefix, ttl ms, expiresAt ms, seat ids (none = all).
    /// Returns {seat id, new value, ...} for the seats that were extended.
    /// </summary>
    public static readonly RedisScript Extend = new("""
        local holder, prefix, ttl, expires = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
        local ids = {}
        if #ARGV > 4 then
          for i = 5, #ARGV do ids[#ids + 1] = ARGV[i] end
        else
          ids = redis.call('ZRANGE', KEYS[1], 0, -1)
        end
        local out = {}
        for _, id in ipairs(ids) do
          local key = prefix .. id
          local v = redis.call('GET', key)
          local token, owner
          if v then token, owner = string.match(v, '^(%d+):%d+:(.*)$') end
          if owner == holder then
            local value = token .. ':' .. expires .. ':' .. holder
            redis.call('SET', key, value, 'PX', ttl)
            redis.call('ZADD', KEYS[1], expires, id)
            out[#out + 1] = id
            out[#out + 1] = value
          else
            redis.call('ZREM', KEYS[1], id)
          end
        end
        if #out > 0 and redis.call('PTTL', KEYS[1]) < tonumber(ttl) then
          redis.call('PEXPIRE', KEYS[1], ttl)
        end
        return out
        """);

    /// <summary>KEYS: holder index. ARGV: holder, seat key prefix, seat ids (none = all). Returns how many seats were released.</summary>
    public static readonly RedisScript Release = new("""
        local holder, prefix = ARGV[1], ARGV[2]
        local ids = {}
        if #ARGV > 2 then
          for i = 3, #ARGV do ids[#ids + 1] = ARGV[i] end
        else
          ids = redis.call('ZRANGE', KEYS[1], 0, -1)
        end
        local released = 0
        for _, id in ipairs(ids) do
          local key = prefix .. id
          local v = redis.call('GET', key)
          if v and string.match(v, '^%d+:%d+:(.*)$') == holder then
            redis.call('DEL', key)
            released = released + 1
          end
          redis.call('ZREM', KEYS[1], id)
        end
        return released
        """);

    /// <summary>KEYS: holder index. ARGV: holder, seat key prefix. Returns {seat id, value, ...} of the seats still held.</summary>
    public static readonly RedisScript List = new("""
        local holder, prefix = ARGV[1], ARGV[2]
        local out = {}
        for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
          local v = redis.call('GET', prefix .. id)
          if v and string.match(v, '^%d+:%d+:(.*)$') == holder then
            out[#out + 1] = id
            out[#out + 1] = v
          else
            redis.call('ZREM', KEYS[1], id)
          end
        end
        return out
        """);
}
