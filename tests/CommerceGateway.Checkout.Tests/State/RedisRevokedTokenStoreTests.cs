using CommerceGateway.Testing;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The revoked-token contract on a real redis-server, with short real TTLs.</summary>
public sealed class RedisRevokedTokenStoreTests(RedisServer server) : RedisRevokedTokenStoreContractTests(server.ConnectionString), IClassFixture<RedisServer>;
