using CommerceGateway.Checkout.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The used-token-id contract on the in-memory store, with time moved by a fake clock.</summary>
public sealed class InMemoryUsedTokenIdStoreTests : UsedTokenIdStoreContractTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;

    public InMemoryUsedTokenIdStoreTests() => _services = StoreHost.InMemory(_time);

    protected override TimeSpan ShortTtl => TimeSpan.FromMinutes(1);

    protected override TimeProvider Clock => _time;

    protected override IUsedTokenIdStore CreateStore() => _services.GetRequiredService<IUsedTokenIdStore>();

    protected override Task PassTimeAsync(TimeSpan duration)
    {
        _time.Advance(duration);
        return Task.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        _services.Dispose();
        base.Dispose(disposing);
    }
}
