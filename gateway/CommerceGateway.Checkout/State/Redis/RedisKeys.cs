using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CommerceGateway.Checkout.State.Redis;

/// <summary>Every Redis key of the state store, under <see cref="StateStoreOptions.KeyPrefix"/> (default "cg:").</summary>
internal sealed class RedisKeys(IOptions<StateStoreOptions> options)
{
    private readonly string _prefix = options.Value.KeyPrefix;

    /// <summary>The prefix of seat keys; scripts that walk a holder's seats build seat keys from it.</summary>
    public string SeatPrefix => _prefix + "seat:";

    /// <summary>The counter behind seat-hold fencing tokens.</summary>
    public RedisKey FencingCounter => _prefix + "seat-fencing";

    /// <summary>One seat: "fencingToken:expiresAtUnixMs:holder", with a PX expiry.</summary>
    public RedisKey Seat(string seatId) => SeatPrefix + seatId;

    /// <summary>A holder's seats: a sorted set of seat ids scored by expiry (an index; seat keys are the truth).</summary>
    public RedisKey Holder(string holder) => _prefix + "holder:" + holder;

    /// <summary>One session: a hash of document, version and sliding TTL.</summary>
    public RedisKey Session(string sessionId) => _prefix + "session:" + sessionId;

    /// <summary>The follow-up index: a sorted set of session ids scored by due time (unix ms); an index, session keys are the truth.</summary>
    public RedisKey FollowUps => _prefix + "followups";

    /// <summary>One idempotency record: a hash of fingerprint, state and result.</summary>
    public RedisKey Idempotency(string key) => _prefix + "idem:" + key;

    /// <summary>One revoked token id.</summary>
    public RedisKey Revoked(string tokenId) => _prefix + "revoked:" + tokenId;
}
