namespace CommerceGateway.Checkout.State;

/// <summary>
/// Settings of the shared state store, bound from the <c>StateStore</c> configuration section.
/// Which store is used is decided by <c>ConnectionStrings:Redis</c>: Redis when it is set, in memory otherwise.
/// </summary>
public sealed class StateStoreOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "StateStore";

    /// <summary>
    /// Prefix of every Redis key, so several deployments can share one Redis. Default "cg:".
    /// 1 to 64 characters, no whitespace.
    /// </summary>
    public string KeyPrefix { get; set; } = "cg:";

    /// <summary>
    /// How long one Redis call may take before it fails with
    /// <see cref="CommerceGateway.Adapters.State.StateStoreUnavailableException"/>. Default 2 seconds;
    /// between 10 milliseconds and 1 minute. On Redis it becomes the client's own command timeouts
    /// (asyncTimeout and syncTimeout of the connection string are replaced by it).
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How many replicas must acknowledge a seat hold, a hold extension or an idempotency record
    /// (Redis WAIT) before the store reports it, so that a failover that promotes a replica cannot
    /// lose it. Null (the default) means 1 on a Redis Cluster or behind Sentinel and 0 on a single
    /// Redis; 0 turns the wait off. When fewer replicas answer in time, a hold or a claim is undone
    /// and the call fails with StateStoreUnavailableException, so set 0 for a cluster without replicas.
    /// </summary>
    public int? ReplicaAcknowledgements { get; set; }

    /// <summary>
    /// How long a write waits for <see cref="ReplicaAcknowledgements"/>. Default 250 milliseconds,
    /// and at most half of <see cref="OperationTimeout"/> whatever is set, so the wait itself never times out. The wait holds up the commands queued behind it
    /// on the same connection, so keep it short: a healthy replica answers within a round trip.
    /// </summary>
    public TimeSpan ReplicaAcknowledgementTimeout { get; set; } = TimeSpan.FromMilliseconds(250);
}
