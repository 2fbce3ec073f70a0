using CommerceGateway.Adapters;
using CommerceGateway.Adapters.OrderFlow;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the OrderFlow adapter.</summary>
public static class OrderFlowAdapterBuilderExtensions
{
    /// <summary>
    /// Registers the adapter kind <c>"orderflow"</c> (<see cref="OrderFlowBackend"/>). Channels of this
    /// kind default to the <see cref="ChannelCapabilities.Shipping"/> capability, need no credentials
    /// (the protocol has no authentication) and list their prices as <c>Price.{merchandiseId}</c>
    /// settings. Safe to call twice.
    /// </summary>
    public static ICommerceAdapterBuilder AddOrderFlowAdapter(this ICommerceAdapterBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddAdapter<OrderFlowBackend>(OrderFlowBackend.Kind, o => o.DefaultCapabilities = ChannelCapabilities.Shipping);
    }
}
