using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Adapters.Tests.Registration;

/// <summary>Adapter kinds named in configuration (<c>Adapters:{kind}:Type</c>).</summary>
public sealed class ConfiguredAdapterTests
{
    private static readonly string ProbeType = typeof(ProbeBackend).AssemblyQualifiedName!;

    private static IConfiguration Configuration(params (string Key, string Value)[] entries) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(entries.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)))
            .Build();

    [Fact]
    public void AddCommerceAdapters_TypeNamedInConfiguration_RegistersTheKindWithItsOptions()
    {
        var configuration = Configuration(
            ("Adapters:probe:Type", ProbeType),
            ("Adapters:probe:DefaultCapabilities:0", "Shipping"),
            ("Adapters:probe:DefaultCapabilities:1", "refunds"),
            ("Adapters:probe:RequiredCredentials:0", "ApiKey"),
            ("Channels:shop:Adapter", "probe"),
            ("Channels:shop:BaseUrl", "http://backend.test/"),
            ("Channels:shop:Credentials:ApiKey", "k"));
        var services = new ServiceCollection().AddLogging();
        services.AddCommerceAdapters(configuration);
        using var provider = services.BuildServiceProvider();

        var registry = provider.GetRequiredService<IChannelRegistry>();

        Assert.IsType<ProbeBackend>(registry.GetCommerceBackend("shop"));
        Assert.Equal(ChannelCapabilities.Shipping | ChannelCapabilities.Refunds, registry.Channels.Single().Capabilities);
    }

    [Fact]
    public void Validate_CredentialRequiredByAConfiguredKind_NamesTheChannelKey()
    {
        var configuration = Configuration(
            ("Adapters:probe:Type", ProbeType),
            ("Adapters:probe:RequiredCredentials:0", "ApiKey"),
            ("Channels:shop:Adapter", "probe"),
            ("Channels:shop:BaseUrl", "http://backend.test/"));
        var services = new ServiceCollection().AddLogging();
        services.AddCommerceAdapters(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ChannelsOptions>>().Value);

        Assert.Contains("Channels:shop:Credentials:ApiKey is required by the probe adapter.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Adapters:probe:Type is required: the assembly-qualified name of the backend class, e.g. 'MyCompany.Shop.ShopBackend, MyCompany.Shop'.")]
    [InlineData("No.Such.Backend, No.Such.Assembly", "Adapters:probe:Type 'No.Such.Backend, No.Such.Assembly' could not be loaded (")]
    [InlineData("System.String", "Adapters:probe:Type 'System.String' must be a non-abstract class deriving from CommerceBackend or LoyaltyBackend.")]
    [InlineData("CommerceGateway.Adapters.CommerceBackend, CommerceGateway.Adapters", "Adapters:probe:Type 'CommerceGateway.Adapters.CommerceBackend, CommerceGateway.Adapters' must be a non-abstract class")]
    public void AddCommerceAdapters_BadType_RefusesNamingTheKey(string type, string expected)
    {
        var configuration = Configuration(("Adapters:probe:Type", type), ("Adapters:probe:RequiredSettings:0", "Region"));

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddCommerceAdapters(configuration));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCommerceAdapters_UnknownDefaultCapability_ListsTheValidOnes()
    {
        var configuration = Configuration(("Adapters:probe:Type", ProbeType), ("Adapters:probe:DefaultCapabilities:0", "Teleport"));

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddCommerceAdapters(configuration));

        Assert.Contains("Adapters:probe:DefaultCapabilities:0 'Teleport' is not a capability. Valid: AttendeeNames, Bookings, ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAdapter_SameKindAndTypeAsConfiguration_IsHarmlessButAnotherTypeIsRefused()
    {
        var services = new ServiceCollection();
        var adapters = services.AddCommerceAdapters(Configuration(("Adapters:probe:Type", ProbeType)));

        adapters.AddAdapter<ProbeBackend>("probe");

        Assert.Single(services, d => d.ServiceType.Name == "AdapterRegistration");
        var error = Assert.Throws<InvalidOperationException>(() => adapters.AddAdapter<OtherProbeBackend>("probe"));
        Assert.Contains("Adapter kind 'probe' is already registered with ProbeBackend.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCommerceAdapters_NoAdaptersSection_RegistersNothing()
    {
        var services = new ServiceCollection();

        services.AddCommerceAdapters(Configuration());

        Assert.DoesNotContain(services, d => d.ServiceType.Name == "AdapterRegistration");
    }

    private sealed class OtherProbeBackend(Channel channel) : CommerceBackend(channel)
    {
        public override Task<Cart> CreateCartAsync(CartCreation request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Cart> AddLinesAsync(Cart cart, IReadOnlyList<CartLineInput> lines, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Cart> UpdateLinesAsync(Cart cart, IReadOnlyList<CartLineUpdate> updates, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Cart> RemoveLinesAsync(Cart cart, IReadOnlyList<string> lineIds, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Cart> UpdateBuyerAsync(Cart cart, Buyer buyer, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Cart> BeginCheckoutAsync(Cart cart, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<PaymentOutcome> SubmitPaymentAsync(Cart cart, PaymentInstruction payment, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Order> GetOrderAsync(Order order, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
