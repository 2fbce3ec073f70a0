using CommerceGateway.Testing;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The session contract on a six-node Redis Cluster (three masters, three replicas).</summary>
[Collection(RedisTopologies.Name)]
public sealed class RedisClusterSessionStoreTests(RedisCluster redis) : RedisSessionStoreContractTests(redis.ConnectionString, RedisTopologies.ConnectAllowance);
