using CommerceGateway.Checkout.State;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The used-token-id contract on a real redis-server, with short real TTLs.</summary>
public sealed class RedisUsedTokenIdStoreTests(RedisServer server) : UsedTokenIdStoreContractTests, IClassFixture<RedisServer>
{
    private readonly ServiceProvider _services = StoreHost.Redis(server);

    // Real Redis TTLs: long enough that a busy machine cannot let an entry lapse between two calls of one test.
    protected override TimeSpan ShortTtl => TimeSpan.FromMilliseconds(1200);

    protected override TimeProvider Clock => TimeProvider.System;

    protected override IUsedTokenIdStore CreateStore() => _services.GetRequiredService<IUsedTokenIdStore>();

    protected override Task PassTimeAsync(TimeSpan duration) => Task.Delay(duration);

    protected override void Dispose(bool disposing)
    {
        _services.Dispose();
        base.Dispose(disposing);
    }
}
