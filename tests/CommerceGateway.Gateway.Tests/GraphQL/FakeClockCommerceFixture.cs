using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>A gateway over a sandbox on a fake clock, so tests move the backends' time to expire holds.</summary>
public sealed class FakeClockCommerceFixture : IAsyncLifetime, IDisposable
{
    private CommerceGatewayHost? _host;

    public FakeClockSandboxServer Sandbox { get; } = new();

    public CommerceGatewayHost Host => _host ?? throw new InvalidOperationException("The fixture is not started.");

    public async Task InitializeAsync()
    {
        // The gateway keeps the system clock; starting the backends at the same instant keeps their expiry times meaningful to it.
        Sandbox.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        await Sandbox.InitializeAsync();
        _host = new CommerceGatewayHost(Sandbox);
    }

    public Task DisposeAsync() => Sandbox.DisposeAsync();

    public void Dispose() => _host?.Dispose();
}
