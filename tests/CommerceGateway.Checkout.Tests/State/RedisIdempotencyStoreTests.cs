using CommerceGateway.Checkout.State;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The idempotency contract on a real redis-server, with short real TTLs.</summary>
public sealed class RedisIdempotencyStoreTests(RedisServer server) : IdempotencyStoreContractTests, IClassFixture<RedisServer>
{
    private readonly ServiceProvider _services = StoreHost.Redis(server);

    // Real Redis TTLs: long enough that a busy machine cannot let an entry lapse between two calls of one test.
    protected override TimeSpan ShortTtl => TimeSpan.FromMilliseconds(1200);

    protected override IIdempotencyStore CreateStore() => _services.GetRequiredService<IIdempotencyStore>();

    protected override Task PassTimeAsync(TimeSpan duration) => Task.Delay(duration);

    protected override void Dispose(bool disposing)
    {
        _services.Dispose();
        base.Dispose(disposing);
    }
}
