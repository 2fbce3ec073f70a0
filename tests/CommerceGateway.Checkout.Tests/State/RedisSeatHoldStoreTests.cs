using CommerceGateway.Adapters.State;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The seat-hold contract on a real redis-server, with short real TTLs.</summary>
public sealed class RedisSeatHoldStoreTests(RedisServer server) : SeatHoldStoreContractTests, IClassFixture<RedisServer>
{
    private readonly RedisServer _server = server;
    private readonly ServiceProvider _services = StoreHost.Redis(server);

    // Real Redis TTLs: long enough that a busy machine cannot let a hold lapse between two calls of one test.
    protected override TimeSpan ShortTtl => TimeSpan.FromMilliseconds(1200);

    protected override ISeatHoldStore CreateStore() => _services.GetRequiredService<ISeatHoldStore>();

    protected override Task PassTimeAsync(TimeSpan duration) => Task.Delay(duration);

    [Fact]
    public async Task AcquireAsync_ServerForgotTheScripts_StillHoldsTheSeats()
    {
        var store = CreateStore();
        Assert.True((await store.AcquireAsync("cart-1", ["A1"], TimeSpan.FromMinutes(1))).Acquired);
        Assert.Equal("+OK", await _server.CommandAsync("SCRIPT", "FLUSH"));

        var second = await store.AcquireAsync("cart-2", ["B1"], TimeSpan.FromMinutes(1));

        Assert.True(second.Acquired);
        Assert.Equal("cart-2", (await store.GetSeatAsync("B1"))?.Holder);
    }

    protected override void Dispose(bool disposing)
    {
        _services.Dispose();
        base.Dispose(disposing);
    }
}
