using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommerceGateway.Adapters;

internal sealed class CommerceAdapterBuilder(IServiceCollection services) : ICommerceAdapterBuilder
{
    public IServiceCollection Services { get; } = services;

    public ICommerceAdapterBuilder AddAdapter<TBackend>(string kind, Action<AdapterOptions>? configure = null)
        where TBackend : CommerceBackend => Add(kind, typeof(TBackend), isLoyalty: false, configure);

    public ICommerceAdapterBuilder AddLoyaltyAdapter<TBackend>(string kind, Action<AdapterOptions>? configure = null)
        where TBackend : LoyaltyBackend => Add(kind, typeof(TBackend), isLoyalty: true, configure);

    public ICommerceAdapterBuilder ConfigurePrimaryHandler(Func<Channel, HttpMessageHandler> createHandler)
    {
        ArgumentNullException.ThrowIfNull(createHandler);
        Services.RemoveAll<PrimaryHandlerFactory>();
        Services.AddSingleton(new PrimaryHandlerFactory(createHandler));
        return this;
    }

    public ICommerceAdapterBuilder AddChannelHandler(Func<IServiceProvider, Channel, DelegatingHandler?> createHandler)
    {
        ArgumentNullException.ThrowIfNull(createHandler);
        Services.AddSingleton(new ChannelHandlerRegistration(createHandler));
        return this;
    }

    /// <summary>Registers a kind by type; also used for kinds named in configuration (<see cref="ConfiguredAdapters"/>).</summary>
    internal CommerceAdapterBuilder Add(string kind, Type backendType, bool isLoyalty, Action<AdapterOptions>? configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var existing = Services.Where(d => d.ServiceType == typeof(AdapterRegistration))
            .Select(d => d.ImplementationInstance as AdapterRegistration)
            .FirstOrDefault(r => string.Equals(r?.Kind, kind, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            // Registering the same adapter twice is harmless; two types for one kind is a mistake.
            return existing.BackendType == backendType
                ? this
                : throw new InvalidOperationException($"Adapter kind '{kind}' is already registered with {existing.BackendType.Name}.");
        }

        var options = new AdapterOptions();
        configure?.Invoke(options);
        Services.AddSingleton(new AdapterRegistration(kind.ToLowerInvariant(), backendType, isLoyalty, options));
        return this;
    }
}
