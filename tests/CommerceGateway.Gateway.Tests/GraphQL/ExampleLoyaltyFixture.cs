using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>
/// The commerce gateway with one more channel, example-us: ExampleShop's US storefront, selling in
/// dollars, capturing later, refunding, taking a reward's discount off its orders, and earning in
/// spendgo-demo (a dollar program): the Development loyalty-demo channel's setup, under its own name
/// so these tests do not depend on the Development defaults (<see cref="LoyaltyDemoChannelTests"/> covers those).
/// </summary>
public sealed class ExampleLoyaltyFixture : IAsyncLifetime, IDisposable
{
    public const string Channel = "example-us";

    private CommerceGatewayHost? _host;

    public SandboxServer Sandbox { get; } = new();

    public CommerceGatewayHost Host => _host ?? throw new InvalidOperationException("The fixture is not started.");

    public async Task InitializeAsync()
    {
        await Sandbox.InitializeAsync();
        _host = new CommerceGatewayHost(Sandbox, settings: new Dictionary<string, string?>
        {
            [$"Channels:{Channel}:Adapter"] = "example",
            [$"Channels:{Channel}:BaseUrl"] = Sandbox.ProtocolUrl("example").ToString(),
            [$"Channels:{Channel}:Currency"] = "USD",
            [$"Channels:{Channel}:Credentials:ApiKey"] = "example-api-key",
            [$"Channels:{Channel}:Capabilities:0"] = "CaptureLater",
            [$"Channels:{Channel}:Capabilities:1"] = "Refunds",
            [$"Channels:{Channel}:Capabilities:2"] = "Loyalty",
            [$"Channels:{Channel}:Capabilities:3"] = "LoyaltyDiscounts",
            [$"Channels:{Channel}:Loyalty"] = CommerceGatewayHost.Spendgo,
        });
    }

    public Task DisposeAsync() => Sandbox.DisposeAsync();

    public void Dispose() => _host?.Dispose();
}
