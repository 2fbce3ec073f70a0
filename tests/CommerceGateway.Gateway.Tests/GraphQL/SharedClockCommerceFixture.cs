using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// A gateway and a sandbox on one fake clock: moving it lapses the backend's seat locks and the gateway's
/// seat holds together, so another cart can take a seat whose hold expired, as in production.
/// </summary>
public sealed class SharedClockCommerceFixture : IAsyncLifetime, IDisposable
{
    private CommerceGatewayHost? _host;

    public FakeClockSandboxServer Sandbox { get; } = new();

    public CommerceGatewayHost Host => _host ?? throw new InvalidOperationException("The fixture is not started.");

    public async Task InitializeAsync()
    {
        // Tokens and documents are dated on the same clock, so it starts now for the gateway's own checks.
        Sandbox.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        await Sandbox.InitializeAsync();
        _host = new CommerceGatewayHost(Sandbox, services: s => s.AddSingleton<TimeProvider>(Sandbox.Clock));
    }

    public Task DisposeAsync() => Sandbox.DisposeAsync();

    public void Dispose() => _host?.Dispose();
}
