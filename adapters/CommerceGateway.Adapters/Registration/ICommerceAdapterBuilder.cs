using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Adapters;

/// <summary>Registers adapter kinds; returned by <c>AddCommerceAdapters</c>.</summary>
public interface ICommerceAdapterBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// Registers a commerce adapter kind. Channels whose <c>Adapter</c> is <paramref name="kind"/> get one
    /// <typeparamref name="TBackend"/> each, created with the channel's <see cref="Channel"/> and
    /// <see cref="HttpClient"/> (base address set, resilience pipeline applied) plus any other
    /// constructor dependencies from the container.
    /// </summary>
    ICommerceAdapterBuilder AddAdapter<TBackend>(string kind, Action<AdapterOptions>? configure = null)
        where TBackend : CommerceBackend;

    /// <summary>Registers a loyalty adapter kind; as <see cref="AddAdapter{TBackend}"/> for <see cref="LoyaltyBackend"/>s.</summary>
    ICommerceAdapterBuilder AddLoyaltyAdapter<TBackend>(string kind, Action<AdapterOptions>? configure = null)
        where TBackend : LoyaltyBackend;

    /// <summary>
    /// Replaces the innermost HTTP handler of channels' clients, e.g. to reach an in-process
    /// backend or a test server. The resilience pipeline still wraps it.
    /// </summary>
    ICommerceAdapterBuilder ConfigurePrimaryHandler(Func<Channel, HttpMessageHandler> createHandler);

    /// <summary>
    /// Adds a handler between the resilience pipeline and the primary handler of channels' clients,
    /// made from the container when a channel's client is first built, for example to resolve a
    /// host's own address at send time. Handlers added first run first. Return
    /// <see langword="null"/> for a channel the handler does not apply to.
    /// </summary>
    ICommerceAdapterBuilder AddChannelHandler(Func<IServiceProvider, Channel, DelegatingHandler?> createHandler);
}
