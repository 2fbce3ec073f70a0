using CommerceGateway.Gateway.Tests.GraphQL;
using CommerceGateway.Gateway.Tests.Partners;
using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.Outages;

/// <summary>
/// A real redis-server the tests of one class stop and start again on the same port, and a real
/// sandbox; each test builds its own gateway on them, so the keys and carts of one test never meet
/// another's outage.
/// </summary>
public sealed class StateStoreOutageFixture : IAsyncLifetime
{
    /// <summary>
    /// The default, set explicitly because the tests measure against it: the bound of an outage
    /// answer. Shorter ones fail a test's first requests on a busy machine (its first connect and key
    /// read are bounded by it too).
    /// </summary>
    public static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(2);

    public RedisServer Redis { get; } = new();

    public SandboxServer Sandbox { get; } = new();

    /// <summary>A gateway on this Redis (its own key prefix) with the partner echo route and the demo channels.</summary>
    public CommerceGatewayHost NewGateway(IDictionary<string, string?>? settings = null)
    {
        var all = PartnerGateway.Settings(Sandbox, settings);
        all["StateStore:OperationTimeout"] = OperationTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        return new CommerceGatewayHost(Sandbox, Redis.ConnectionString, keyPrefix: $"outage-{Guid.NewGuid():N}:", settings: all);
    }

    public async Task InitializeAsync()
    {
        await Redis.StartAsync();
        await Sandbox.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        await Redis.StopAsync();
    }
}
