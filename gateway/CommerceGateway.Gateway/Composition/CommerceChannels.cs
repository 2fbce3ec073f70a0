using CommerceGateway.Adapters;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The channels (configured backend instances, <c>Channels:</c>) and the adapter kinds they may name.
/// </summary>
internal static class CommerceChannels
{
    /// <summary>
    /// Binds and validates <c>Channels:</c> through the adapter SDK, then registers every adapter kind
    /// this host ships. A channel naming a kind that is not registered stops start-up with a message
    /// naming its <c>Channels:{name}:Adapter</c> key.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The application's configuration (the root).</param>
    /// <returns>The adapter builder, so a host or test can register more kinds.</returns>
    public static ICommerceAdapterBuilder AddCommerceChannels(this IServiceCollection services, IConfiguration configuration)
    {
        var adapters = services.AddCommerceAdapters(configuration);
        RegisterShippedAdapters(adapters);
        // A BaseUrl such as "/sandbox/booking/" is on this gateway, at the address it listens on.
        adapters.AddSelfAddressedChannels();
        return adapters;
    }

    /// <summary>
    /// The one place where the host's adapter kinds are registered, one line per adapter project
    /// (for example <c>adapters.AddLivescaleAdapter();</c>), each with a project reference in the
    /// gateway's csproj. Platform teams add theirs here too.
    /// </summary>
    private static void RegisterShippedAdapters(ICommerceAdapterBuilder adapters) => adapters
        .AddLivescaleAdapter()
        .AddOrderFlowAdapter()
        .AddBookingAdapter()
        .AddGuestManagerAdapter()
        .AddSpendgoAdapter()
        .AddExampleAdapter();
}
