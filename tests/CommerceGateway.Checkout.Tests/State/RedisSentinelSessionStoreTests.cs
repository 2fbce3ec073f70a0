using CommerceGateway.Testing;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The session contract behind three sentinels (the client asks them for the master).</summary>
[Collection(RedisTopologies.Name)]
public sealed class RedisSentinelSessionStoreTests(RedisSentinel redis) : RedisSessionStoreContractTests(redis.ConnectionString, RedisTopologies.ConnectAllowance);
