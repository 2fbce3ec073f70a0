using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Adapters.Tests.Registration;

public sealed class ChannelRegistrationTests
{
    private static ServiceProvider Build(Action<ChannelOptions> configure, string name = "shop")
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCommerceAdapters(o =>
            {
                var channel = new ChannelOptions { Adapter = "probe", BaseUrl = "http://backend.test/api" };
                configure(channel);
                o.Channels[name] = channel;
            })
            .AddAdapter<ProbeBackend>("probe", a =>
            {
                a.DefaultCapabilities = ChannelCapabilities.Shipping | ChannelCapabilities.DiscountCodes;
                a.RequiredCredentials.Add("ApiKey");
            });
        return services.BuildServiceProvider();
    }

    private static string ValidationMessage(Action<ChannelOptions> configure)
    {
        using var provider = Build(c =>
        {
            c.Credentials["ApiKey"] = "k";
            configure(c);
        });
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ChannelsOptions>>().Value);
        return error.Message;
    }

    [Theory]
    [InlineData("Adapter", null, "Channels:shop:Adapter is required. Registered adapters: probe.")]
    [InlineData("Adapter", "shopify", "Channels:shop:Adapter 'shopify' is not a registered adapter. Registered adapters: probe.")]
    [InlineData("BaseUrl", "backend.test/api", "Channels:shop:BaseUrl must be an absolute http or https URL (was 'backend.test/api').")]
    [InlineData("BaseUrl", "ftp://backend.test/", "Channels:shop:BaseUrl must be an absolute http or https URL (was 'ftp://backend.test/').")]
    [InlineData("Currency", "DOLLARS", "Channels:shop:Currency 'DOLLARS' is not an active ISO 4217 currency code.")]
    [InlineData("Loyalty", "nowhere", "Channels:shop:Loyalty 'nowhere' must name a configured channel with a loyalty adapter.")]
    public void Validate_BadSetting_NamesTheKey(string key, string? value, string expected)
    {
        var message = ValidationMessage(c =>
        {
            switch (key)
            {
                case "Adapter": c.Adapter = value; break;
                case "BaseUrl": c.BaseUrl = value; break;
                case "Currency": c.Currency = value; break;
                case "Loyalty": c.Loyalty = value; break;
            }
        });

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingRequiredCredential_NamesTheKeyAndAdapter()
    {
        using var provider = Build(_ => { });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IChannelRegistry>());

        Assert.Contains("Channels:shop:Credentials:ApiKey is required by the probe adapter.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownCapability_ListsTheValidOnes()
    {
        var message = ValidationMessage(c => c.Capabilities = ["Shipping", "Teleport"]);

        Assert.Contains("Channels:shop:Capabilities:1 'Teleport' is not a capability. Valid: ", message, StringComparison.Ordinal);
        Assert.Contains("SeatSelection", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ResilienceOutOfRange_NamesTheKey()
    {
        var message = ValidationMessage(c =>
        {
            c.Resilience.AttemptTimeout = TimeSpan.FromSeconds(10);
            c.Resilience.TotalTimeout = TimeSpan.FromSeconds(5);
            c.Resilience.MaxRetryAttempts = 50;
        });

        Assert.Contains("Channels:shop:Resilience:TotalTimeout must be at least AttemptTimeout (00:00:10).", message, StringComparison.Ordinal);
        Assert.Contains("Channels:shop:Resilience:MaxRetryAttempts must be between 0 and 10.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_ValidChannel_BuildsTheBackendWithTheChannelsSettings()
    {
        using var provider = Build(c =>
        {
            c.Credentials["ApiKey"] = "secret";
            c.Currency = "eur";
            c.Settings["Store"] = "42";
        });
        var registry = provider.GetRequiredService<IChannelRegistry>();

        var backend = (ProbeBackend)registry.GetCommerceBackend("SHOP");

        Assert.Same(backend, registry.GetCommerceBackend("shop"));
        Assert.Equal(new Uri("http://backend.test/api/"), backend.Http.BaseAddress);
        Assert.Equal(ChannelCapabilities.Shipping | ChannelCapabilities.DiscountCodes, backend.Channel.Capabilities);
        Assert.Equal(CurrencyCode.Eur, backend.Channel.DefaultCurrency);
        Assert.Equal("42", backend.Channel.Setting("store"));
        Assert.Equal("secret", backend.Channel.Credentials.Require("apikey"));
        Assert.Equal(BackendCircuitState.Closed, registry.GetCircuitState("shop"));
    }

    [Fact]
    public void Registry_CapabilitiesInConfiguration_ReplaceTheAdaptersDefaults()
    {
        using var provider = Build(c =>
        {
            c.Credentials["ApiKey"] = "k";
            c.Capabilities = ["seatselection", "Bookings"];
        });

        var channel = Assert.Single(provider.GetRequiredService<IChannelRegistry>().Channels);

        Assert.Equal(ChannelCapabilities.SeatSelection | ChannelCapabilities.Bookings, channel.Capabilities);
    }

    [Fact]
    public void Registry_UnknownOrLoyaltyName_IsNotACommerceChannel()
    {
        using var provider = Build(c => c.Credentials["ApiKey"] = "k");
        var registry = provider.GetRequiredService<IChannelRegistry>();

        Assert.Throws<KeyNotFoundException>(() => registry.GetCommerceBackend("other"));
        Assert.Throws<KeyNotFoundException>(() => registry.GetLoyaltyBackend("shop"));
        Assert.False(registry.TryGetChannel("other", out _));
    }

    [Fact]
    public void AddAdapter_SameKindWithAnotherType_IsRefused()
    {
        var builder = new ServiceCollection().AddCommerceAdapters(_ => { }).AddAdapter<ProbeBackend>("probe");

        builder.AddAdapter<ProbeBackend>("probe");
        var error = Assert.Throws<InvalidOperationException>(() => builder.AddAdapter<OtherProbeBackend>("PROBE"));

        Assert.Contains("'PROBE' is already registered with ProbeBackend", error.Message, StringComparison.Ordinal);
    }

    private sealed class OtherProbeBackend(Channel channel, HttpClient http) : ProbeBackendBase(channel, http);

    private abstract class ProbeBackendBase(Channel channel, HttpClient http) : CommerceBackend(channel)
    {
        public HttpClient Http { get; } = http;

        public override Task<Cart> CreateCartAsync(CartCreation request, CancellationToken cancellationToken) => throw new InvalidOperationException();

        public override Task<Cart> AddLinesAsync(Cart cart, IReadOnlyList<CartLineInput> lines, CancellationToken cancellationToken) => throw new InvalidOperationException();

        public override Task<Cart> UpdateLinesAsync(Cart cart, IReadOnlyList<CartLineUpdate> updates, CancellationToken cancellationToken) => throw new InvalidOperationException();

        public override Task<Cart> RemoveLinesAsync(Cart cart, IReadOnlyList<string> lineIds, CancellationToken cancellationToken) => throw new InvalidOperationException();

        public override Task<Cart> UpdateBuyerAsync(Cart cart, Buyer buyer, CancellationToken cancellationToken) => throw new InvalidOperationException();

        public override Task<Cart> BeginCheckoutAsync(Cart cart, CancellationToken cancellationToken) => throw new InvalidOperationException();

        public override Task<PaymentOutcome> SubmitPaymentAsync(Cart cart, PaymentInstruction payment, CancellationToken cancellationToken) => throw new InvalidOperationException();

        public override Task<Order> GetOrderAsync(Order order, CancellationToken cancellationToken) => throw new InvalidOperationException();
    }
}
