namespace CommerceGateway.Checkout.State.Redis;

/// <summary>
/// The Lua scripts of <see cref="RedisSeatHoldStore"/>. A seat key holds
/// "fencingToken:expiresAtUnixMs:holder" with a PX expiry. Each script runs atomically, touches
/// only the keys passed in KEYS and builds none itself: every key of one call belongs to one seat
/// group, whose keys share a hash tag, so the scripts run unchanged on a Redis Cluster.
/// </summary>
internal static class SeatHoldScripts
{
    /// <summary>
    /// KEYS: the group's fencing counter, then the seat keys. ARGV: holder, ttl ms, expiresAt ms.
    /// Returns {0, positions of the conflicting seats (1-based among the seat keys)...} without
    /// writing anything, or {1, fencing token, positions of the seats that were free...}. A missing
    /// counter (first use, or a Redis that restarted empty) starts at the server time in
    /// microseconds, so tokens keep increasing across such a restart as long as fewer than a million
    /// holds a second were taken on average in that group.
    /// </summary>
    public static readonly RedisScript Acquire = new("""
        local holder = ARGV[1]
        local conflicts = {0}
        local free = {}
        for i = 2, #KEYS do
          local v = redis.call('GET', KEYS[i])
          if not v then
            free[#free + 1] = i - 1
          elseif string.match(v, '^%d+:%d+:(.*)$') ~= holder then
            conflicts[#conflicts + 1] = i - 1
          end
        end
        if #conflicts > 1 then return conflicts end
        if redis.call('EXISTS', KEYS[1]) == 0 then
          local now = redis.call('TIME')
          redis.call('SET', KEYS[1], now[1] .. string.format('%06d', tonumber(now[2])))
        end
        local token = redis.call('INCR', KEYS[1])
        local value = string.format('%.0f', token) .. ':' .. ARGV[3] .. ':' .. holder
        for i = 2, #KEYS do
          redis.call('SET', KEYS[i], value, 'PX', ARGV[2])
        end
        local out = {1, token}
        for _, p in ipairs(free) do out[#out + 1] = p end
        return out
        """);

    /// <summary>
    /// KEYS: seat keys of one group. ARGV: holder, ttl ms, expiresAt ms. Returns {position, new
    /// value, ...} for the seats the holder still held, which were extended.
    /// </summary>
    public static readonly RedisScript Extend = new("""
        local holder, ttl, expires = ARGV[1], ARGV[2], ARGV[3]
        local out = {}
        for i = 1, #KEYS do
          local v = redis.call('GET', KEYS[i])
          if v then
            local token, owner = string.match(v, '^(%d+):%d+:(.*)$')
            if owner == holder then
              local value = token .. ':' .. expires .. ':' .. holder
              redis.call('SET', KEYS[i], value, 'PX', ttl)
              out[#out + 1] = i
              out[#out + 1] = value
            end
          end
        end
        return out
        """);

    /// <summary>KEYS: seat keys of one group. ARGV: holder. Deletes the ones the holder holds; returns how many.</summary>
    public static readonly RedisScript Release = new("""
        local released = 0
        for i = 1, #KEYS do
          local v = redis.call('GET', KEYS[i])
          if v and string.match(v, '^%d+:%d+:(.*)$') == ARGV[1] then
            redis.call('DEL', KEYS[i])
            released = released + 1
          end
        end
        return released
        """);

    /// <summary>
    /// KEYS: a holder index. ARGV: ttl ms, expiresAt ms, seat ids. Scores each seat at expiresAt
    /// unless it is scored later already, and keeps the index alive at least as long as the hold.
    /// </summary>
    public static readonly RedisScript IndexAdd = new("""
        local expires = tonumber(ARGV[2])
        for i = 3, #ARGV do
          local score = redis.call('ZSCORE', KEYS[1], ARGV[i])
          if not score or tonumber(score) < expires then
            redis.call('ZADD', KEYS[1], expires, ARGV[i])
          end
        end
        if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        return 1
        """);

    /// <summary>
    /// KEYS: a holder index. ARGV: seat id, score, ... as read earlier. Removes each entry only if
    /// its score is still the one read: an acquisition that raced in re-scored it and keeps it.
    /// </summary>
    public static readonly RedisScript IndexPrune = new("""
        local removed = 0
        for i = 1, #ARGV, 2 do
          local score = redis.call('ZSCORE', KEYS[1], ARGV[i])
          if score and tonumber(score) == tonumber(ARGV[i + 1]) then
            removed = removed + redis.call('ZREM', KEYS[1], ARGV[i])
          end
        end
        return removed
        """);
}
