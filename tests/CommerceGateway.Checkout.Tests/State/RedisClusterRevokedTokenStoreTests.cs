using CommerceGateway.Testing;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The revoked-token contract on a six-node Redis Cluster (three masters, three replicas).</summary>
[Collection(RedisTopologies.Name)]
public sealed class RedisClusterRevokedTokenStoreTests(RedisCluster redis) : RedisRevokedTokenStoreContractTests(redis.ConnectionString, RedisTopologies.ConnectAllowance);
