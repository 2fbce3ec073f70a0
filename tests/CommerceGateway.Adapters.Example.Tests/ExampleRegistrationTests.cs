using CommerceGateway.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Adapters.Example.Tests;

/// <summary>The two ways a host enables the adapter: the one-line call, or a configuration entry naming the type.</summary>
public sealed class ExampleRegistrationTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    [Fact]
    public async Task ConfigurationEntry_NamingTheBackendType_ServesTheChannelLikeTheCodeRegistration()
    {
        // The same entries an appsettings.json would hold (docs/adding-an-adapter.md shows them as JSON).
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Adapters:example:Type"] = "CommerceGateway.Adapters.Example.ExampleShopBackend, CommerceGateway.Adapters.Example",
            ["Adapters:example:DefaultCapabilities:0"] = "CaptureLater",
            ["Adapters:example:DefaultCapabilities:1"] = "Refunds",
            ["Adapters:example:DefaultCapabilities:2"] = "LoyaltyDiscounts",
            ["Adapters:example:RequiredCredentials:0"] = "ApiKey",
            ["Channels:shop:Adapter"] = "example",
            ["Channels:shop:BaseUrl"] = sandbox.ProtocolUrl("example").ToString(),
            ["Channels:shop:Currency"] = "EUR",
            ["Channels:shop:Credentials:ApiKey"] = ExampleTestChannel.SandboxApiKey,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCommerceAdapters(configuration);
        await using var provider = services.BuildServiceProvider();

        var backend = provider.GetRequiredService<IChannelRegistry>().GetCommerceBackend("shop");
        var cart = await backend.CreateCartAsync(new CartCreation("cart-configured", CurrencyCode.Parse("EUR")), CancellationToken.None);

        Assert.IsType<ExampleShopBackend>(backend);
        Assert.Equal(ExampleShopBackend.DefaultCapabilities, backend.Channel.Capabilities);
        Assert.NotNull(cart.Backend.Get("shopCartId"));
    }

    [Fact]
    public void AddExampleAdapter_ChannelWithoutApiKey_StopsStartUpNamingTheKey()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCommerceAdapters(o => o.Channels["shop"] = new ChannelOptions { Adapter = "example", BaseUrl = "http://shop.test/" }).AddExampleAdapter();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ChannelsOptions>>().Value);

        Assert.Contains("Channels:shop:Credentials:ApiKey is required by the example adapter.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddExampleAdapter_CalledTwice_IsHarmless()
    {
        var services = new ServiceCollection();

        services.AddCommerceAdapters(_ => { }).AddExampleAdapter().AddExampleAdapter();

        Assert.Single(services, d => d.ServiceType.Name == "AdapterRegistration");
    }
}
