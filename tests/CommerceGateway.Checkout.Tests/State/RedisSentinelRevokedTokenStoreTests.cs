using CommerceGateway.Testing;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The revoked-token contract behind three sentinels (the client asks them for the master).</summary>
[Collection(RedisTopologies.Name)]
public sealed class RedisSentinelRevokedTokenStoreTests(RedisSentinel redis) : RedisRevokedTokenStoreContractTests(redis.ConnectionString, RedisTopologies.ConnectAllowance);
