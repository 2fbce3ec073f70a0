using CommerceGateway.Testing;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The idempotency contract behind three sentinels (the client asks them for the master).</summary>
[Collection(RedisTopologies.Name)]
public sealed class RedisSentinelIdempotencyStoreTests(RedisSentinel redis) : RedisIdempotencyStoreContractTests(redis.ConnectionString, RedisTopologies.ConnectAllowance);
