using CommerceGateway.Checkout;
using CommerceGateway.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Adapters.Spendgo.Tests.Infrastructure;

/// <summary>
/// The gateway's checkout service over sandbox channels built through the SDK's registration: an
/// OrderFlow shop and an ExampleShop US storefront whose orders earn in a Spendgo loyalty channel.
/// Only the ExampleShop one can take a reward's discount off its orders, so only it takes rewards.
/// </summary>
internal sealed class SpendgoCheckoutHost : IDisposable
{
    public const string Shop = "shop";
    public const string RewardShop = "reward-shop";
    public const string Loyalty = "loyalty";

    private readonly ServiceProvider _provider;

    public SpendgoCheckoutHost(SandboxServer sandbox)
    {
        var shop = new ChannelOptions { Adapter = "orderflow", Currency = "USD", BaseUrl = sandbox.ProtocolUrl("orderflow").ToString(), Loyalty = Loyalty };
        shop.Settings["Price.1234"] = "50.00";
        shop.Settings["Price.2345"] = "100.00";
        shop.Capabilities = ["Loyalty", "Shipping"];
        var rewardShop = new ChannelOptions { Adapter = "example", Currency = "USD", BaseUrl = sandbox.ProtocolUrl("example").ToString(), Loyalty = Loyalty };
        rewardShop.Credentials["ApiKey"] = "example-api-key";
        rewardShop.Capabilities = ["CaptureLater", "Loyalty", "LoyaltyDiscounts"];
        var loyalty = new ChannelOptions { Adapter = "spendgo", BaseUrl = sandbox.ProtocolUrl("spendgo").ToString() };
        loyalty.Credentials["ClientId"] = SpendgoTestChannel.ClientId;
        loyalty.Credentials["ClientSecret"] = SpendgoTestChannel.ClientSecret;
        loyalty.Credentials["AccountId"] = SpendgoTestChannel.AccountId;
        foreach (var channel in new[] { shop, rewardShop, loyalty })
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
                o.Channels[RewardShop] = rewardShop;
                o.Channels[Loyalty] = loyalty;
            })
            .AddOrderFlowAdapter()
            .AddExampleAdapter()
            .AddSpendgoAdapter();
        services.AddCheckout(configuration);
        _provider = services.BuildServiceProvider();
        Carts = _provider.GetRequiredService<CartService>();
        Payments = _provider.GetRequiredService<PaymentService>();
        Orders = _provider.GetRequiredService<OrderService>();
        LoyaltyService = _provider.GetRequiredService<LoyaltyService>();
    }

    public CartService Carts { get; }

    public PaymentService Payments { get; }

    public OrderService Orders { get; }

    public LoyaltyService LoyaltyService { get; }

    public void Dispose() => _provider.Dispose();
}
