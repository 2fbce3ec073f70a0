using System.Globalization;
using CommerceGateway.Adapters.State;
using StackExchange.Redis;

namespace CommerceGateway.Checkout.State.Redis;

/// <summary>
/// Seat holds shared by every gateway replica. An acquisition is one Lua script over the seats of
/// one group and the group's fencing counter, all in one hash slot, so it checks and takes every
/// seat atomically on a single Redis and on a Redis Cluster alike; holds lapse by Redis PX expiry.
/// The holder's index (which seats to look at for "all of the holder's seats") lives in the holder's
/// own slot and is written with the seats; when that write fails, the seats are given back, so
/// the index always names at least the seats held.
/// An acquisition is reported only once a replica has it (<see cref="RedisCommandRunner.ReplicatedAsync"/>),
/// so a failover cannot hand its seats to a second holder; an extension lost in a failover only
/// makes the hold lapse at its earlier expiry.
/// </summary>
internal sealed class RedisSeatHoldStore(RedisCommandRunner redis, RedisKeys keys, TimeProvider timeProvider) : ISeatHoldStore
{
    public async Task<SeatHoldResult> AcquireAsync(string holder, IReadOnlyCollection<string> seatIds, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        StateArguments.Id(holder, nameof(holder));
        var seats = StateArguments.AcquisitionSeats(seatIds, nameof(seatIds));
        StateArguments.Ttl(ttl, nameof(ttl));

        var (ttlMs, expiresAt) = Expiry(ttl);
        var expiresMs = expiresAt.ToUnixTimeMilliseconds();
        var group = StateArguments.SeatGroup(seats[0]);
        var scriptKeys = new RedisKey[seats.Length + 1];
        scriptKeys[0] = keys.Fence(group);
        for (var i = 0; i < seats.Length; i++)
        {
            scriptKeys[i + 1] = keys.Seat(seats[i]);
        }

        // The index entry and the seats are sent together (one round trip, not two); the index is
        // on another slot, so if it fails the seats this call may have taken are given back.
        RedisValue[] values = [holder, ttlMs, expiresMs];
        var indexing = IndexAsync("seat hold acquire", holder, seats, ttlMs, expiresMs, cancellationToken);
        var acquiring = redis.RunAsync(
            "seat hold acquire",
            db => SeatHoldScripts.Acquire.EvaluateAsync(db, scriptKeys, values),
            cancellationToken);
        try
        {
            await indexing;
        }
        catch (Exception)
        {
            await GiveBackAsync(acquiring, holder, scriptKeys);
            throw;
        }

        var result = (RedisResult[])(await acquiring)!;
        if ((long)result[0] != 1)
        {
            return SeatHoldResult.Conflict([.. result.Skip(1).Select(p => seats[(int)p - 1])]);
        }

        if (!await redis.ReplicatedAsync("seat hold acquire", scriptKeys[1]))
        {
            // A hold only the master knows could vanish in a failover and go to a second holder;
            // the caller is told it failed, so the seats it took are given back.
            await ReleaseTakenAsync(result, holder, scriptKeys);
            throw StateStoreUnavailableException.For("seat hold acquire", "no replica confirmed the hold in time, so a failover could lose it");
        }

        return SeatHoldResult.Success((long)result[1], expiresAt);
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

        var indexed = seats is null ? await ReadIndexAsync("seat hold extend", holder, cancellationToken) : null;
        var targets = seats ?? [.. indexed!.Keys];
        var (ttlMs, expiresAt) = Expiry(ttl);
        var expiresMs = expiresAt.ToUnixTimeMilliseconds();
        RedisValue[] values = [holder, ttlMs, expiresMs];
        var holds = new List<SeatHold>(targets.Length);
        foreach (var group in Groups(targets))
        {
            var scriptKeys = group.Select(keys.Seat).ToArray();
            var items = (RedisResult[])(await redis.RunAsync(
                "seat hold extend",
                db => SeatHoldScripts.Extend.EvaluateAsync(db, scriptKeys, values),
                cancellationToken))!;
            for (var i = 0; i + 1 < items.Length; i += 2)
            {
                holds.Add(Parse(group[(int)items[i] - 1], (string)items[i + 1]!));
            }
        }

        if (holds.Count > 0)
        {
            await IndexAsync("seat hold extend", holder, [.. holds.Select(h => h.SeatId)], ttlMs, expiresMs, CancellationToken.None);
        }

        if (indexed is not null)
        {
            await PruneAsync("seat hold extend", holder, indexed, holds);
        }

        holds.Sort(static (a, b) => string.CompareOrdinal(a.SeatId, b.SeatId));
        return holds;
    }

    public async Task ReleaseAsync(string holder, IReadOnlyCollection<string>? seatIds, CancellationToken cancellationToken = default)
    {
        StateArguments.Id(holder, nameof(holder));
        var seats = StateArguments.OptionalSeats(seatIds, nameof(seatIds));
        if (seats is { Length: 0 })
        {
            return;
        }

        var indexed = seats is null ? await ReadIndexAsync("seat hold release", holder, cancellationToken) : null;
        var targets = seats ?? [.. indexed!.Keys];
        RedisValue[] values = [holder];
        var releasing = Groups(targets)
            .Select(group =>
            {
                var scriptKeys = group.Select(keys.Seat).ToArray();
                return redis.RunAsync("seat hold release", db => SeatHoldScripts.Release.EvaluateAsync(db, scriptKeys, values), cancellationToken);
            })
            .ToList();
        if (indexed is not null)
        {
            await Task.WhenAll(releasing);
            await PruneAsync("seat hold release", holder, indexed, []);
        }
        else
        {
            // Sent with the seats (one round trip): an index entry is a hint, so dropping it when
            // the seat's release failed only leaves that hold to lapse with its TTL.
            var index = keys.Holder(holder);
            RedisValue[] members = [.. seats!.Select(static s => (RedisValue)s)];
            var unindexing = redis.RunAsync("seat hold release", db => db.SortedSetRemoveAsync(index, members), CancellationToken.None);
            await Task.WhenAll([.. releasing, unindexing]);
        }
    }

    public async Task<IReadOnlyList<SeatHold>> GetHoldsAsync(string holder, CancellationToken cancellationToken = default)
    {
        StateArguments.Id(holder, nameof(holder));
        var indexed = await ReadIndexAsync("seat hold list", holder, cancellationToken);
        var holds = new List<SeatHold>(indexed.Count);
        foreach (var group in Groups([.. indexed.Keys]))
        {
            var seatKeys = group.Select(keys.Seat).ToArray();
            var values = await redis.RunAsync("seat hold list", db => db.StringGetAsync(seatKeys), cancellationToken);
            for (var i = 0; i < group.Length; i++)
            {
                if (!values[i].IsNull && Parse(group[i], values[i]!) is { } hold && hold.Holder == holder)
                {
                    holds.Add(hold);
                }
            }
        }

        await PruneAsync("seat hold list", holder, indexed, holds);
        holds.Sort(static (a, b) => string.CompareOrdinal(a.SeatId, b.SeatId));
        return holds;
    }

    public async Task<SeatHold?> GetSeatAsync(string seatId, CancellationToken cancellationToken = default)
    {
        StateArguments.Id(seatId, nameof(seatId));
        var key = keys.Seat(seatId);
        var value = await redis.RunAsync("seat hold read", db => db.StringGetAsync(key), cancellationToken);
        return value.IsNull ? null : Parse(seatId, value!);
    }

    /// <summary>After a failed index write: releases the seats the acquisition took, if it took any.</summary>
    private async Task GiveBackAsync(Task<RedisResult> acquiring, string holder, RedisKey[] scriptKeys)
    {
        try
        {
            await ReleaseTakenAsync((RedisResult[])(await acquiring)!, holder, scriptKeys);
        }
        catch (Exception ex) when (ex is StateStoreUnavailableException or OperationCanceledException)
        {
            // Not sent, or the store is gone as well: whatever was taken lapses with its TTL.
        }
    }

    /// <summary>Releases the seats an acquisition found free (its result lists their positions), not those the holder already had.</summary>
    private async Task ReleaseTakenAsync(RedisResult[] result, string holder, RedisKey[] scriptKeys)
    {
        if ((long)result[0] != 1)
        {
            return;
        }

        var taken = result.Skip(2).Select(p => scriptKeys[(int)p]).ToArray();
        if (taken.Length > 0)
        {
            RedisValue[] values = [holder];
            await redis.RunAsync("seat hold acquire", db => SeatHoldScripts.Release.EvaluateAsync(db, taken, values), CancellationToken.None);
        }
    }

    /// <summary>Redis keeps milliseconds, so the expiry reported is the one stored.</summary>
    private (long TtlMs, DateTimeOffset ExpiresAt) Expiry(TimeSpan ttl)
    {
        var ttlMs = Math.Max(1, (long)Math.Ceiling(ttl.TotalMilliseconds));
        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(timeProvider.GetUtcNow().ToUnixTimeMilliseconds() + ttlMs);
        return (ttlMs, expiresAt);
    }

    private async Task IndexAsync(string operation, string holder, string[] seats, long ttlMs, long expiresMs, CancellationToken cancellationToken)
    {
        RedisKey[] index = [keys.Holder(holder)];
        RedisValue[] values = [ttlMs, expiresMs, .. seats.Select(static s => (RedisValue)s)];
        await redis.RunAsync(operation, db => SeatHoldScripts.IndexAdd.EvaluateAsync(db, index, values), cancellationToken);
    }

    /// <summary>The holder's index: seat id to score (the expiry it was indexed with).</summary>
    private async Task<Dictionary<string, double>> ReadIndexAsync(string operation, string holder, CancellationToken cancellationToken)
    {
        var index = keys.Holder(holder);
        var entries = await redis.RunAsync(operation, db => db.SortedSetRangeByRankWithScoresAsync(index), cancellationToken);
        return entries.ToDictionary(static e => (string)e.Element!, static e => e.Score, StringComparer.Ordinal);
    }

    /// <summary>Drops index entries of seats the holder no longer holds, unless an acquisition re-scored them since they were read.</summary>
    private async Task PruneAsync(string operation, string holder, Dictionary<string, double> indexed, IReadOnlyCollection<SeatHold> kept)
    {
        var keep = kept.Select(static h => h.SeatId).ToHashSet(StringComparer.Ordinal);
        var stale = indexed.Where(e => !keep.Contains(e.Key)).ToList();
        if (stale.Count == 0)
        {
            return;
        }

        RedisKey[] index = [keys.Holder(holder)];
        var values = new RedisValue[stale.Count * 2];
        for (var i = 0; i < stale.Count; i++)
        {
            values[2 * i] = stale[i].Key;
            values[(2 * i) + 1] = stale[i].Value;
        }

        await redis.RunAsync(operation, db => SeatHoldScripts.IndexPrune.EvaluateAsync(db, index, values), CancellationToken.None);
    }

    /// <summary>Seat ids by group (one hash slot each), in a stable order.</summary>
    private static IEnumerable<string[]> Groups(string[] seats) =>
        seats.GroupBy(StateArguments.SeatGroup, StringComparer.Ordinal)
            .OrderBy(static g => g.Key, StringComparer.Ordinal)
            .Select(static g => g.ToArray());

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
