using CommerceGateway.Adapters.State;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The seat-hold contract on the Redis stores of any topology (the connection string chooses), with short real TTLs.</summary>
public abstract class RedisSeatHoldStoreContractTests(string connectionString, TimeSpan? operationTimeout = null) : SeatHoldStoreContractTests
{
    private readonly ServiceProvider _services = StoreHost.Redis(connectionString, operationTimeout);

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
