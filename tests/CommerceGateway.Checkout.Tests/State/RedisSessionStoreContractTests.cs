using CommerceGateway.Checkout.State;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Checkout.Tests.State;

/// <summary>The session contract on the Redis stores of any topology (the connection string chooses), with short real TTLs.</summary>
public abstract class RedisSessionStoreContractTests(string connectionString, TimeSpan? operationTimeout = null) : SessionStoreContractTests
{
    private readonly ServiceProvider _services = StoreHost.Redis(connectionString, operationTimeout);

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
