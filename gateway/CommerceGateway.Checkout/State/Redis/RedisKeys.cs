using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CommerceGateway.Checkout.State.Redis;

/// <summary>
/// Every Redis key of the state store, under <see cref="StateStoreOptions.KeyPrefix"/> (default "cg:").
/// Keys that one script touches together carry the same hash tag (the text in braces), so that on
/// a Redis Cluster they live in one hash slot: a seat group's seats and its fencing counter are
/// tagged with the group. Every other key is used alone by each command, so it needs no tag.
/// </summary>
internal sealed class RedisKeys(IOptions<StateStoreOptions> options)
{
    /// <summary>The tag of the seats without a ':' (group ""): a tag must not be empty, or Redis hashes the whole key.</summary>
    private const string DefaultGroupTag = "-";

    private readonly string _prefix = options.Value.KeyPrefix;

    /// <summary>
    /// One seat: "fencingToken:expiresAtUnixMs:holder", with a PX expiry. The full seat id follows
    /// the tag, so two seats never share a key even when their groups share a tag.
    /// </summary>
    public RedisKey Seat(string seatId) => SeatKeyPrefix(StateArguments.SeatGroup(seatId)) + seatId;

    /// <summary>What every seat key of <paramref name="group"/> starts with (the benchmark builds seat keys from it).</summary>
    public string SeatKeyPrefix(string group) => _prefix + "seat:{" + Tag(group) + "}:";

    /// <summary>The counter behind the fencing tokens of one seat group, in the group's slot.</summary>
    public RedisKey Fence(string group) => _prefix + "fence:{" + Tag(group) + "}";

    /// <summary>
    /// A holder's seats: a sorted set of seat ids scored by expiry (unix ms). An index, in the
    /// holder's own slot; seat keys are the truth, and entries for seats the holder lost are pruned.
    /// </summary>
    public RedisKey Holder(string holder) => _prefix + "holder:" + holder;

    /// <summary>One session: a hash of document, version and sliding TTL.</summary>
    public RedisKey Session(string sessionId) => _prefix + "session:" + sessionId;

    /// <summary>The follow-up index: a sorted set of session ids scored by due time (unix ms); an index, session keys are the truth.</summary>
    public RedisKey FollowUps => _prefix + "followups";

    /// <summary>One idempotency record: a hash of fingerprint, state and result.</summary>
    public RedisKey Idempotency(string key) => _prefix + "idem:" + key;

    /// <summary>One revoked token id.</summary>
    public RedisKey Revoked(string tokenId) => _prefix + "revoked:" + tokenId;

    /// <summary>One used one-time token id (a client assertion's jti).</summary>
    public RedisKey Used(string tokenId) => _prefix + "used:" + tokenId;

    private static string Tag(string group) => group.Length == 0 ? DefaultGroupTag : group;
}
