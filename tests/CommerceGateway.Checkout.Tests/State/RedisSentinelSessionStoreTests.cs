using CommerceGateway.Checkout.State;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The session contract behind three sentinels (the client asks them for the master).</summary>
[Collection(RedisTopologies.Name)]
public sealed class RedisSentinelSessionStoreTests(RedisSentinel redis) : SessionStoreContractTests
{
    // Each test connects a new multiplexer (through the sentinels, or discovering six nodes); on a
    // busy 2-core machine that can take longer than the 2 s default.
    private static readonly TimeSpan ConnectAllowance = TimeSpan.FromSeconds(5);
    private readonly ServiceProvider _services = StoreHost.Redis(redis.ConnectionString, ConnectAllowance);

    // Real Redis TTLs: long enough that a busy machine cannot let an entry lapse between two calls of one test.
    protected override TimeSpan ShortTtl => TimeSpan.FromMilliseconds(1200);

    protected override ISessionStore CreateStore() => _services.GetRequiredService<ISessionStore>();

    protected override Task PassTimeAsync(TimeSpan duration) => Task.Delay(duration);

    protected override void Dispose(bool disposing)
    {
        _services.Dispose();
        base.Dispose(disposing);
    }
}
