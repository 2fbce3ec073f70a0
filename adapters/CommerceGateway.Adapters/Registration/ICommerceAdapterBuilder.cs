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
}
