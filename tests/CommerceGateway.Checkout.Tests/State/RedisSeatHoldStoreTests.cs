using CommerceGateway.Adapters.State;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The seat-hold contract on a real redis-server, with short real TTLs.</summary>
public sealed class RedisSeatHoldStoreTests(RedisServer server) : RedisSeatHoldStoreContractTests(server.ConnectionString), IClassFixture<RedisServer>
{
    private readonly RedisServer _server = server;

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

    [Fact]
    public async Task AcquireAsync_ServerRefusesTheCommand_FailsTypedWithoutTheServersText()
    {
        var prefix = $"t{Guid.NewGuid():N}:";
        using var services = StoreHost.Redis(_server, keyPrefix: prefix);
        var store = services.GetRequiredService<ISeatHoldStore>();
        // Another program wrote a string where the holder's index (a sorted set) belongs: WRONGTYPE.
        Assert.Equal("+OK", await _server.CommandAsync("SET", prefix + "holder:cart-1", "not a sorted set"));

        var failure = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => store.AcquireAsync("cart-1", ["A1"], TimeSpan.FromMinutes(1)));

        Assert.Contains("seat hold acquire", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("WRONGTYPE", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Operation against a key", failure.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<StackExchange.Redis.RedisException>(failure.InnerException);
        Assert.Null(await store.GetSeatAsync("A1"));
    }

    [Fact]
    public async Task AcquireAsync_KeysOfOneGroup_CarryTheGroupsHashTag()
    {
        var prefix = $"t{Guid.NewGuid():N}:";
        using var services = StoreHost.Redis(_server, keyPrefix: prefix);
        var store = services.GetRequiredService<ISeatHoldStore>();

        Assert.True((await store.AcquireAsync("cart-1", ["booking-demo:S1:7", "booking-demo:S1:8"], TimeSpan.FromMinutes(1))).Acquired);

        // One hash tag per event session: on a cluster the seats and their fencing counter share a slot.
        Assert.Equal(":3", await _server.CommandAsync("EXISTS", prefix + "seat:{booking-demo:S1}:booking-demo:S1:7", prefix + "seat:{booking-demo:S1}:booking-demo:S1:8", prefix + "fence:{booking-demo:S1}"));
        Assert.Equal(":1", await _server.CommandAsync("EXISTS", prefix + "holder:cart-1"));
    }
}
