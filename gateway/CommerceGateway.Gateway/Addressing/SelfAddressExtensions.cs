using CommerceGateway.Adapters;
using CommerceGateway.Gateway.Addressing;
using CommerceGateway.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Channel base URLs and partner destinations written as paths on this gateway (<see cref="SelfAddress"/>).</summary>
internal static class SelfAddressExtensions
{
    /// <summary>Resolves path-only channel base URLs per request; call after <c>AddCommerceChannels</c>.</summary>
    public static ICommerceAdapterBuilder AddSelfAddressedChannels(this ICommerceAdapterBuilder adapters)
    {
        adapters.Services.TryAddSingleton<ServerListenAddress>();
        adapters.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<ChannelsOptions>, SelfAddressedChannels>());
        return adapters.AddChannelHandler((services, channel) =>
            SelfAddress.IsPlaceholder(channel.BaseUrl) ? new SelfAddressHandler(services.GetRequiredService<ServerListenAddress>()) : null);
    }

    /// <summary>Resolves path-only partner destinations once the server listens; call after <c>AddReverseProxy</c>.</summary>
    public static IServiceCollection AddSelfAddressedDestinations(this IServiceCollection services)
    {
        services.TryAddSingleton<ServerListenAddress>();
        // Replaces YARP's default resolver, which does nothing.
        services.AddSingleton<IDestinationResolver, SelfDestinationResolver>();
        return services;
    }
}
