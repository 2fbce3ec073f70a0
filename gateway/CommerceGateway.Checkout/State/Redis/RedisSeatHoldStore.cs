using System.Globalization;
using CommerceGateway.Adapters.State;
using StackExchange.Redis;

namespace CommerceGateway.Checkout.State.Redis;

/// <summary>
/// Seat holds shared by every gateway replica. Each operation is one Lua script, so an acquisition
/// checks and takes all of its seats atomically; holds lapse by Redis PX expiry.
/// </summary>
internal sealed class RedisSeatHoldStore(RedisCommandRunner redis, RedisKeys keys, TimeProvider timeProvider) : ISeatHoldStore
{
    public async Task<SeatHoldResult> AcquireAsync(string holder, IReadOnlyCollection<string> seatIds, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        StateArguments.Id(holder, nameof(holder));
        var seats = StateArguments.Seats(seatIds, nameof(seatIds));
        StateArguments.Ttl(ttl, nameof(ttl));

        var (ttlMs, expiresAt) = Expiry(ttl);
        var scriptKeys = new RedisKey[seats.Length + 2];
        var values = new RedisValue[seats.Length + 3];
        scriptKeys[0] = keys.FencingCounter;
        scriptKeys[1] = keys.Holder(holder);
        values[0] = holder;
        values[1] = ttlMs;
        values[2] = expiresAt.ToUnixTimeMilliseconds();
        for (var i = 0; i < seats.Length; i++)
        {
            scriptKeys[i + 2] = keys.Seat(seats[i]);
            values[i + 3] = seats[i];
        }

        var result = (RedisResult[])(await redis.RunAsync(
            "seat hold acquire",
            db => SeatHoldScripts.Acquire.EvaluateAsync(db, scriptKeys, values),
            cancellationToken))!;
        if ((long)result[0] == 1)
        {
            return SeatHoldResult.Success((long)result[1], expiresAt);
        }

        var conflicts = new string[result.Length - 1];
        for (var i = 1; i < result.Length; i++)
        {
            conflicts[i - 1] = (string)result[i]!;
        }

        return SeatHoldResult.Conflict(conflicts);
    }

    public async Task<IReadOnlyList<SeatHold>> ExtendAsync(string holder, IReadOnlyCollection<string>? seatIds, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        StateArguments.Id(holder, nameof(holder));
        var seats = StateArguments.OptionalSeats(seatIds, nameof(seatIds));
        StateArguments.Ttl(ttl, nameof(ttl));
        if (seats is { Length: 0 })
        {
            return [];
        }

        var (ttlMs, expiresAt) = Expiry(ttl);
        RedisValue[] values = [holder, keys.SeatPrefix, ttlMs, expiresAt.ToUnixTimeMilliseconds(), .. SeatValues(seats)];
        RedisKey[] scriptKeys = [keys.Holder(holder)];
        var result = await redis.RunAsync(
            "seat hold extend",
            db => SeatHoldScripts.Extend.EvaluateAsync(db, scriptKeys, values),
            cancellationToken);
        return ParseHolds(result);
    }

    public async Task ReleaseAsync(string holder, IReadOnlyCollection<string>? seatIds, CancellationToken cancellationToken = default)
    {
        StateArguments.Id(holder, nameof(holder));
        var seats = StateArguments.OptionalSeats(seatIds, nameof(seatIds));
        if (seats is { Length: 0 })
        {
            return;
        }

        RedisValue[] values = [holder, keys.SeatPrefix, .. SeatValues(seats)];
        RedisKey[] scriptKeys = [keys.Holder(holder)];
        await redis.RunAsync(
            "seat hold release",
            db => SeatHoldScripts.Release.EvaluateAsync(db, scriptKeys, values),
            cancellationToken);
    }

    public async Task<IReadOnlyList<SeatHold>> GetHoldsAsync(string holder, CancellationToken cancellationToken = default)
    {
        StateArguments.Id(holder, nameof(holder));
        RedisValue[] values = [holder, keys.SeatPrefix];
        RedisKey[] scriptKeys = [keys.Holder(holder)];
        var result = await redis.RunAsync(
            "seat hold list",
            db => SeatHoldScripts.List.EvaluateAsync(db, scriptKeys, values),
            cancellationToken);
        return ParseHolds(result);
    }

    public async Task<SeatHold?> GetSeatAsync(string seatId, CancellationToken cancellationToken = default)
    {
        StateArguments.Id(seatId, nameof(seatId));
        var key = keys.Seat(seatId);
        var value = await redis.RunAsync("seat hold read", db => db.StringGetAsync(key), cancellationToken);
        return value.IsNull ? null : Parse(seatId, value!);
    }

    /// <summary>Redis keeps milliseconds, so the expiry reported is the one stored.</summary>
    private (long TtlMs, DateTimeOffset ExpiresAt) Expiry(TimeSpan ttl)
    {
        var ttlMs = Math.Max(1, (long)Math.Ceiling(ttl.TotalMilliseconds));
        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(timeProvider.GetUtcNow().ToUnixTimeMilliseconds() + ttlMs);
        return (ttlMs, expiresAt);
    }

    private static IEnumerable<RedisValue> SeatValues(string[]? seats) =>
        seats is null ? [] : seats.Select(static s => (RedisValue)s);

    private static List<SeatHold> ParseHolds(RedisResult result)
    {
        var items = (RedisResult[])result!;
        var holds = new List<SeatHold>(items.Length / 2);
        for (var i = 0; i + 1 < items.Length; i += 2)
        {
            holds.Add(Parse((string)items[i]!, (string)items[i + 1]!));
        }

        holds.Sort(static (a, b) => string.CompareOrdinal(a.SeatId, b.SeatId));
        return holds;
    }

    /// <summary>Reads "fencingToken:expiresAtUnixMs:holder".</summary>
    private static SeatHold Parse(string seatId, string value)
    {
        var first = value.IndexOf(':', StringComparison.Ordinal);
        var second = value.IndexOf(':', first + 1);
        if (first <= 0 || second <= first)
        {
            throw new InvalidOperationException($"Seat key for '{seatId}' holds an unexpected value; another program may be writing under the state store's key prefix.");
        }

        var token = long.Parse(value.AsSpan(0, first), NumberStyles.None, CultureInfo.InvariantCulture);
        var expires = long.Parse(value.AsSpan(first + 1, second - first - 1), NumberStyles.None, CultureInfo.InvariantCulture);
        return new SeatHold(seatId, value[(second + 1)..], DateTimeOffset.FromUnixTimeMilliseconds(expires), token);
    }
}
