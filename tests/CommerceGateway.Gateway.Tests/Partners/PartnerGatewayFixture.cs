using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.Partners;

/// <summary>One sandbox and one gateway in front of it, shared by the tests of a class.</summary>
public sealed class PartnerGatewayFixture : IAsyncLifetime
{
    public SandboxServer Sandbox { get; } = new();

    public GatewayApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Sandbox.InitializeAsync();
        App = new GatewayApp(PartnerGateway.Settings(Sandbox));
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
