using CommerceGateway.Testing;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The idempotency contract on a real redis-server, with short real TTLs.</summary>
public sealed class RedisIdempotencyStoreTests(RedisServer server) : RedisIdempotencyStoreContractTests(server.ConnectionString), IClassFixture<RedisServer>;
