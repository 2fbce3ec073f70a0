using CommerceGateway.Adapters;
using CommerceGateway.Adapters.Example;

// Registration extensions live in this namespace (as AddHttpClient and AddReverseProxy do), so a
// host finds them without another using directive.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the ExampleShop adapter: the one line a host adds.</summary>
public static class ExampleAdapterBuilderExtensions
{
    /// <summary>
    /// Registers the adapter kind <c>"example"</c> (<see cref="ExampleShopBackend"/>). A channel of
    /// this kind must configure <c>Credentials:ApiKey</c> (start-up fails naming the key otherwise)
    /// and, unless it lists its own, gets the capabilities
    /// <see cref="ChannelCapabilities.CaptureLater"/>, <see cref="ChannelCapabilities.Refunds"/> and <see cref="ChannelCapabilities.LoyaltyDiscounts"/>.
    /// Safe to call twice.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddCommerceAdapters</c>.</param>
    /// <returns>The same builder, to chain more adapters.</returns>
    public static ICommerceAdapterBuilder AddExampleAdapter(this ICommerceAdapterBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddAdapter<ExampleShopBackend>(ExampleShopBackend.Kind, options =>
        {
            options.DefaultCapabilities = ExampleShopBackend.DefaultCapabilities;
            options.RequiredCredentials.Add(ExampleShopBackend.ApiKeyCredential);
        });
    }
}
