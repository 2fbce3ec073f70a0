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
}
