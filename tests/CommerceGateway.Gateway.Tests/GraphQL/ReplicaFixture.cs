using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>Two gateway instances sharing one real redis-server and one sandbox, as two replicas behind a load balancer.</summary>
public sealed class ReplicaFixture : IGatewayReplicas, IAsyncLifetime, IDisposable
{
    private CommerceGatewayHost? _first;
    private CommerceGatewayHost? _second;

    public RedisServer Redis { get; } = new();

    public SandboxServer Sandbox { get; } = new();

    public CommerceGatewayHost First => _first ?? throw new InvalidOperationException("Not started.");

    public CommerceGatewayHost Second => _second ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        await Redis.StartAsync();
        await Sandbox.InitializeAsync();
        _first = new CommerceGatewayHost(Sandbox, Redis.ConnectionString, keyPrefix: "replicas:");
        _second = new CommerceGatewayHost(Sandbox, Redis.ConnectionString, keyPrefix: "replicas:");
    }

    public async Task DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        await Redis.StopAsync();
    }

    public void Dispose()
    {
        _first?.Dispose();
        _second?.Dispose();
        Redis.Dispose();
    }
}
