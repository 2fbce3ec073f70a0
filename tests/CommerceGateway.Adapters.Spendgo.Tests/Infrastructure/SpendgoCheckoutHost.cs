using CommerceGateway.Checkout;
using CommerceGateway.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Adapters.Spendgo.Tests.Infrastructure;

/// <summary>
/// The gateway's checkout service over two sandbox channels: an OrderFlow shop whose orders earn in
/// a Spendgo loyalty channel, both built through the SDK's registration.
/// </summary>
internal sealed class SpendgoCheckoutHost : IDisposable
{
    public const string Shop = "shop";
    public const string Loyalty = "loyalty";

    private readonly ServiceProvider _provider;

    public SpendgoCheckoutHost(SandboxServer sandbox)
    {
        var shop = new ChannelOptions { Adapter = "orderflow", Currency = "USD", BaseUrl = sandbox.ProtocolUrl("orderflow").ToString(), Loyalty = Loyalty };
        shop.Settings["Price.1234"] = "50.00";
        shop.Settings["Price.2345"] = "100.00";
        shop.Capabilities = ["Loyalty", "Shipping"];
        var loyalty = new ChannelOptions { Adapter = "spendgo", BaseUrl = sandbox.ProtocolUrl("spendgo").ToString() };
        loyalty.Credentials["ClientId"] = SpendgoTestChannel.ClientId;
        loyalty.Credentials["ClientSecret"] = SpendgoTestChannel.ClientSecret;
        loyalty.Credentials["AccountId"] = SpendgoTestChannel.AccountId;
        foreach (var channel in new[] { shop, loyalty })
        {
            channel.Resilience.AttemptTimeout = TimeSpan.FromSeconds(2);
            channel.Resilience.TotalTimeout = TimeSpan.FromSeconds(4);
            channel.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        }

        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging();
        services.AddStateStore(configuration);
        services.AddCommerceAdapters(o =>
            {
                o.Channels[Shop] = shop;
                o.Channels[Loyalty] = loyalty;
            })
            .AddOrderFlowAdapter()
            .AddSpendgoAdapter();
        services.AddCheckout(configuration);
        _provider = services.BuildServiceProvider();
        Checkout = _provider.GetRequiredService<CheckoutService>();
    }

    public CheckoutService Checkout { get; }

    public void Dispose() => _provider.Dispose();
}
