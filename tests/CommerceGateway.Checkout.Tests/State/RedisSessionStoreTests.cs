using CommerceGateway.Testing;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The session contract on a real redis-server, with short real TTLs.</summary>
public sealed class RedisSessionStoreTests(RedisServer server) : RedisSessionStoreContractTests(server.ConnectionString), IClassFixture<RedisServer>;
