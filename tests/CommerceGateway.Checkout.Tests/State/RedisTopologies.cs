using CommerceGateway.Testing;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>
/// One Redis Cluster (six nodes) and one Sentinel deployment (five processes) shared by every test
/// class that runs the stores on them; the classes run one after another, so a 2-core machine never
/// hosts two clusters at once. Failover tests leave both healthy again.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RedisTopologies : ICollectionFixture<RedisCluster>, ICollectionFixture<RedisSentinel>
{
    public const string Name = "Redis cluster and Sentinel";

    /// <summary>
    /// The stores' operation timeout there: each test connects a new multiplexer (through the
    /// sentinels, or discovering six nodes), which on a busy 2-core machine can take longer than the 2 s default.
    /// </summary>
    public static readonly TimeSpan ConnectAllowance = TimeSpan.FromSeconds(5);
}
