using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>Two gateway instances on a real six-node Redis Cluster and one sandbox: the set-up in which every seat hold used to fail.</summary>
public sealed class ClusterReplicaFixture : IGatewayReplicas, IAsyncLifetime, IDisposable
{
    private CommerceGatewayHost? _first;
    private CommerceGatewayHost? _second;

    public RedisCluster Redis { get; } = new();

    public SandboxServer Sandbox { get; } = new();

    public CommerceGatewayHost First => _first ?? throw new InvalidOperationException("Not started.");

    public CommerceGatewayHost Second => _second ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        await Sandbox.InitializeAsync();
        _first = new CommerceGatewayHost(Sandbox, Redis.ConnectionString, keyPrefix: "cluster-replicas:");
        _second = new CommerceGatewayHost(Sandbox, Redis.ConnectionString, keyPrefix: "cluster-replicas:");
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
    }
}
