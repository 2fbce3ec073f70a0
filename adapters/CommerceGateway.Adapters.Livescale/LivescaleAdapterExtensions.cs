using CommerceGateway.Adapters;
using CommerceGateway.Adapters.Livescale;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the Livescale Shopping API adapter.</summary>
public static class LivescaleAdapterExtensions
{
    /// <summary>The adapter kind channels name in configuration: <c>Adapter: livescale</c>.</summary>
    public const string Kind = "livescale";

    /// <summary>
    /// Registers the <c>livescale</c> adapter kind. A channel of this kind needs the
    /// <c>ClientId</c> and <c>ClientSecret</c> credentials from the Livescale dashboard; its
    /// default capabilities are ProductCatalog, Shipping, DiscountCodes and CaptureLater (the
    /// protocol has no refund or cancellation call). Optional settings: <c>CatalogId</c> and
    /// <c>CategoryId</c> (default: the merchant's first catalog and category) and <c>PspName</c>
    /// (reported with each payment; default "livescale"). Safe to call twice.
    /// </summary>
    public static ICommerceAdapterBuilder AddLivescaleAdapter(this ICommerceAdapterBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddAdapter<LivescaleCommerceBackend>(Kind, options =>
        {
            options.DefaultCapabilities = LivescaleCommerceBackend.SupportedCapabilities;
            options.RequiredCredentials.Add(LivescaleCommerceBackend.ClientIdCredential);
            options.RequiredCredentials.Add(LivescaleCommerceBackend.ClientSecretCredential);
        });
    }
}
