using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout;

/// <summary>Channel lookups the checkout services share.</summary>
internal static class ChannelRegistryExtensions
{
    /// <summary>The commerce backend of <paramref name="channel"/>, or null when it has none (a loyalty channel).</summary>
    public static CommerceBackend? TryGetBackend(this IChannelRegistry channels, Channel channel)
    {
        try
        {
            return channels.GetCommerceBackend(channel.Name);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }
}
