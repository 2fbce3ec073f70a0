using CommerceGateway.Testing;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The seat-hold contract behind three sentinels (the client asks them for the master).</summary>
[Collection(RedisTopologies.Name)]
public sealed class RedisSentinelSeatHoldStoreTests(RedisSentinel redis) : RedisSeatHoldStoreContractTests(redis.ConnectionString, RedisTopologies.ConnectAllowance);
