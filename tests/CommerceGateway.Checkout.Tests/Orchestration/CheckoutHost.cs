using CommerceGateway.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CommerceGateway.Checkout.Tests.Orchestration;

/// <summary>One gateway replica's checkout: its own container, sharing the ledger, the loyalty program and (optionally) Redis with others.</summary>
public sealed class CheckoutHost : IDisposable
{
    /// <summary>The loyalty channel the shop's orders earn in.</summary>
    public const string LoyaltyChannel = "points";

    /// <summary>A shop channel that earns points but whose backend cannot take a reward's discount off an order.</summary>
    public const string NoDiscountChannel = "counter";

    private readonly ServiceProvider _provider;

    public CheckoutHost(ChargeLedger ledger, string? redis = null, string prefix = "t:", TestLoyaltyProgram? loyalty = null, TimeProvider? time = null, Action<CheckoutOptions>? checkout = null, string[]? shopCapabilities = null, TestBookingDesk? bookings = null)
    {
        Loyalty = loyalty ?? new TestLoyaltyProgram();
        Bookings = bookings ?? new TestBookingDesk(ledger);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(redis is null ? [] : [new("ConnectionStrings:Redis", redis)])
            .Build();
        var services = new ServiceCollection().AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSingleton(ledger);
        services.AddSingleton(Loyalty);
        services.AddSingleton(Bookings);
        services.AddStateStore(configuration, o => o.KeyPrefix = prefix);
        services.AddCommerceAdapters(o =>
            {
                o.Channels["shop"] = new ChannelOptions { Adapter = "testshop", BaseUrl = "http://unused.test/", Currency = "USD", Loyalty = LoyaltyChannel, Capabilities = shopCapabilities };
                o.Channels[NoDiscountChannel] = new ChannelOptions { Adapter = "testshop", BaseUrl = "http://unused.test/", Currency = "USD", Loyalty = LoyaltyChannel, Capabilities = ["Refunds", "Loyalty"] };
                o.Channels[LoyaltyChannel] = new ChannelOptions { Adapter = "testloyalty", BaseUrl = "http://unused.test/", Currency = "USD" };
            })
            .AddAdapter<TestShopBackend>("testshop", o => o.DefaultCapabilities = ChannelCapabilities.Refunds | ChannelCapabilities.Loyalty | ChannelCapabilities.LoyaltyDiscounts | ChannelCapabilities.Bookings)
            .AddLoyaltyAdapter<TestLoyaltyBackend>("testloyalty", o => o.DefaultCapabilities = ChannelCapabilities.Loyalty);
        services.AddCheckout(configuration);
        if (checkout is not null)
        {
            services.Configure(checkout);
        }

        _provider = services.BuildServiceProvider();
        Checkout = CheckoutServices.From(_provider);
        FollowUp = _provider.GetRequiredService<LoyaltyFollowUp>();
    }

    public CheckoutServices Checkout { get; }

    /// <summary>The loyalty follow-up the hosted service runs, for a test that runs a pass itself.</summary>
    internal LoyaltyFollowUp FollowUp { get; }

    /// <summary>The replica's container, for what a test reads behind the service's back.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>The shop's bookings, shared with the replicas given the same desk.</summary>
    public TestBookingDesk Bookings { get; }

    /// <summary>The loyalty program behind <see cref="LoyaltyChannel"/>.</summary>
    public TestLoyaltyProgram Loyalty { get; }

    /// <summary>Starts the hosted services (the loyalty follow-up) as the gateway's host does; disposing the host stops them.</summary>
    public async Task StartHostedServicesAsync()
    {
        foreach (var service in _provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    public void Dispose()
    {
        foreach (var service in _provider.GetServices<IHostedService>())
        {
            service.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        _provider.Dispose();
    }
}
