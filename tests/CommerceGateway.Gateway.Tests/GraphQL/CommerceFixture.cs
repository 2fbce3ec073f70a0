using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>One sandbox and one gateway over it, shared by the tests of a class (tokens are slow to issue on purpose).</summary>
public sealed class CommerceFixture : IAsyncLifetime, IDisposable
{
    private CommerceGatewayHost? _host;

    public SandboxServer Sandbox { get; } = new();

    public CommerceGatewayHost Host => _host ?? throw new InvalidOperationException("The fixture is not started.");

    public async Task InitializeAsync()
    {
        await Sandbox.InitializeAsync();
        _host = new CommerceGatewayHost(Sandbox);
    }

    public Task DisposeAsync() => Sandbox.DisposeAsync();

    public void Dispose() => _host?.Dispose();
}
