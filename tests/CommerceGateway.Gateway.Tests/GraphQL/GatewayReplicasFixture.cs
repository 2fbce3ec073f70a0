using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// Two gateway instances on one Redis deployment of <typeparamref name="TRedis"/>'s topology and one sandbox, as
/// two replicas behind a load balancer; both get the same extra <c>settings</c>, if any.
/// </summary>
public abstract class GatewayReplicasFixture<TRedis>(string keyPrefix, IDictionary<string, string?>? settings = null) : IGatewayReplicas, IAsyncLifetime, IDisposable
    where TRedis : IRedisDeployment, new()
{
    private CommerceGatewayHost? _first;
    private CommerceGatewayHost? _second;

    public TRedis Redis { get; } = new();

    public SandboxServer Sandbox { get; } = new();

    public CommerceGatewayHost First => _first ?? throw new InvalidOperationException("Not started.");

    public CommerceGatewayHost Second => _second ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        await Sandbox.InitializeAsync();
        _first = new CommerceGatewayHost(Sandbox, Redis.ConnectionString, keyPrefix: keyPrefix, settings: settings);
        _second = new CommerceGatewayHost(Sandbox, Redis.ConnectionString, keyPrefix: keyPrefix, settings: settings);
    }

    public async Task DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        await Redis.DisposeAsync();
    }

    public void Dispose()
    {
        _first?.Dispose();
        _second?.Dispose();
        Redis.Dispose();
        GC.SuppressFinalize(this);
    }
}
