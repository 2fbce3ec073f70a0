using CommerceGateway.Adapters.State;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The seat-hold contract on a real redis-server, with short real TTLs.</summary>
public sealed class RedisSeatHoldStoreTests(RedisServer server) : SeatHoldStoreContractTests, IClassFixture<RedisServer>
{
    private readonly ServiceProvider _services = StoreHost.Redis(server);

    // Real Redis TTLs: long enough that a busy machine cannot let a hold lapse between two calls of one test.
    protected override TimeSpan ShortTtl => TimeSpan.FromMilliseconds(1200);

    protected override ISeatHoldStore CreateStore() => _services.GetRequiredService<ISeatHoldStore>();

    protected override Task PassTimeAsync(TimeSpan duration) => Task.Delay(duration);

    protected override void Dispose(bool disposing)
    {
        _services.Dispose();
        base.Dispose(disposing);
    }
}
