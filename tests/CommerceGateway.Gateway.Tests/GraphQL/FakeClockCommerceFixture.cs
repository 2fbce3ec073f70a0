using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>A gateway over a sandbox on a fake clock, so tests move the backends' time to expire holds.</summary>
public class FakeClockCommerceFixture : IAsyncLifetime, IDisposable
{
    private readonly bool _gatewayOnTheClock;

    private CommerceGatewayHost? _host;

    public FakeClockCommerceFixture()
        : this(gatewayOnTheClock: false)
    {
    }

    /// <param name="gatewayOnTheClock">Whether the gateway runs on the sandbox's fake clock too, or keeps the system clock.</param>
    protected FakeClockCommerceFixture(bool gatewayOnTheClock) => _gatewayOnTheClock = gatewayOnTheClock;

    public FakeClockSandboxServer Sandbox { get; } = new();

    public CommerceGatewayHost Host => _host ?? throw new InvalidOperationException("The fixture is not started.");

    public async Task InitializeAsync()
    {
        // Started at the real instant: a gateway on the system clock then reads the backends' expiry
        // times meaningfully, and one on the fake clock dates tokens and documents as its own checks expect.
        Sandbox.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        await Sandbox.InitializeAsync();
        _host = _gatewayOnTheClock
            ? new CommerceGatewayHost(Sandbox, services: s => s.AddSingleton<TimeProvider>(Sandbox.Clock))
            : new CommerceGatewayHost(Sandbox);
    }

    public Task DisposeAsync() => Sandbox.DisposeAsync();

    public void Dispose()
    {
        _host?.Dispose();
        GC.SuppressFinalize(this);
    }
}
