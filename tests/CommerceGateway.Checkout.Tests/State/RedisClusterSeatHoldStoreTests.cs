using CommerceGateway.Testing;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The seat-hold contract on a six-node Redis Cluster (seat groups spread over its three masters).</summary>
[Collection(RedisTopologies.Name)]
public sealed class RedisClusterSeatHoldStoreTests(RedisCluster redis) : RedisSeatHoldStoreContractTests(redis.ConnectionString, RedisTopologies.ConnectAllowance);
