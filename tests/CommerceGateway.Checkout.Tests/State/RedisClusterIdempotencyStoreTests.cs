using CommerceGateway.Testing;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The idempotency contract on a six-node Redis Cluster (three masters, three replicas).</summary>
[Collection(RedisTopologies.Name)]
public sealed class RedisClusterIdempotencyStoreTests(RedisCluster redis) : RedisIdempotencyStoreContractTests(redis.ConnectionString, RedisTopologies.ConnectAllowance);
