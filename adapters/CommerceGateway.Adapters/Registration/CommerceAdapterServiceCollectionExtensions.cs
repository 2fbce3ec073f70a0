using CommerceGateway.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the adapter SDK: channels from configuration and adapter kinds.</summary>
public static class CommerceAdapterServiceCollectionExtensions
{
    /// <summary>
    /// Binds channels from the <c>Channels</c> section of <paramref name="configuration"/>, registers the
    /// adapter kinds named in its <c>Adapters</c> section (<c>Adapters:{kind}:Type</c>, an
    /// assembly-qualified backend type the host ships), and returns a builder to register more kinds
    /// in code. Channels are validated at start-up. Safe to call twice.
    /// </summary>
    /// <exception cref="InvalidOperationException">An <c>Adapters</c> entry names no type, a type that cannot be loaded, or one that is not a backend.</exception>
    public static ICommerceAdapterBuilder AddCommerceAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Channels");
        var builder = (CommerceAdapterBuilder)services.AddCommerceAdapters(options => section.Bind(options.Channels));
        ConfiguredAdapters.Register(builder, configuration);
        return builder;
    }

    /// <summary>Configures channels in code and returns a builder to register adapter kinds.</summary>
    public static ICommerceAdapterBuilder AddCommerceAdapters(this IServiceCollection services, Action<ChannelsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ChannelsOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChannelsOptions>, ChannelsOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new PrimaryHandlerFactory(null));
        services.TryAddSingleton<AdapterMetrics>();
        services.TryAddSingleton<ICorrelationIdSource, ActivityCorrelationIdSource>();
        services.TryAddSingleton<IChannelRegistry, ChannelRegistry>();
        return new CommerceAdapterBuilder(services);
    }
}
