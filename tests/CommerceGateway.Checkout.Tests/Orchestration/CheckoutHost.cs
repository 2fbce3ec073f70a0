using CommerceGateway.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Checkout.Tests.Orchestration;

/// <summary>One gateway replica's checkout: its own container, sharing the ledger and (optionally) Redis with others.</summary>
public sealed class CheckoutHost : IDisposable
{
    private readonly ServiceProvider _provider;

    public CheckoutHost(ChargeLedger ledger, string? redis = null, string prefix = "t:")
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(redis is null ? [] : [new("ConnectionStrings:Redis", redis)])
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(ledger);
        services.AddStateStore(configuration, o => o.KeyPrefix = prefix);
        services.AddCommerceAdapters(o =>
            {
                o.Channels["shop"] = new ChannelOptions { Adapter = "testshop", BaseUrl = "http://unused.test/", Currency = "USD" };
            })
            .AddAdapter<TestShopBackend>("testshop");
        services.AddCheckout(configuration);
        _provider = services.BuildServiceProvider();
        Checkout = _provider.GetRequiredService<CheckoutService>();
    }

    public CheckoutService Checkout { get; }

    public void Dispose() => _provider.Dispose();
}
