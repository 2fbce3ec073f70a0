using CommerceGateway.Adapters.State;
using CommerceGateway.Checkout.State;
using CommerceGateway.Checkout.State.InMemory;
using CommerceGateway.Checkout.State.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the shared state store: sessions, seat holds, idempotency records, revoked tokens and used token ids.</summary>
public static class StateStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISessionStore"/>, <see cref="ISeatHoldStore"/>, <see cref="IIdempotencyStore"/>,
    /// <see cref="IRevokedTokenStore"/>, <see cref="IUsedTokenIdStore"/> and <see cref="IStateStoreProbe"/> as singletons: on Redis when <c>ConnectionStrings:Redis</c>
    /// is set (one multiplexer per container, connected when the host starts or on first use), in process memory otherwise.
    /// Binds <see cref="StateStoreOptions"/> from the <c>StateStore</c> section and validates them at
    /// start-up. Registers <see cref="TimeProvider.System"/> unless a TimeProvider is already registered.
    /// Services registered before this call win, so tests and hosts can replace any store.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration holding <c>ConnectionStrings:Redis</c> and <c>StateStore</c>.</param>
    /// <param name="configure">Optional changes applied after binding, for example a key prefix per test.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="InvalidOperationException"><c>ConnectionStrings:Redis</c> is set but malformed.</exception>
    public static IServiceCollection AddStateStore(this IServiceCollection services, IConfiguration configuration, Action<StateStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        AddOptions(services, configuration, configure);
        services.TryAddSingleton(TimeProvider.System);

        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            AddInMemory(services);
        }
        else
        {
            AddRedis(services, RedisConnectionString.Parse(redis));
        }

        return services;
    }

    private static void AddOptions(IServiceCollection services, IConfiguration configuration, Action<StateStoreOptions>? configure)
    {
        var options = services.AddOptions<StateStoreOptions>().Bind(configuration.GetSection(StateStoreOptions.SectionName));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StateStoreOptions>, StateStoreOptionsValidator>());
    }

    private static void AddInMemory(IServiceCollection services)
    {
        services.TryAddSingleton<ISessionStore, InMemorySessionStore>();
        services.TryAddSingleton<ISeatHoldStore, InMemorySeatHoldStore>();
        services.TryAddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>();
        services.TryAddSingleton<IRevokedTokenStore, InMemoryRevokedTokenStore>();
        services.TryAddSingleton<IUsedTokenIdStore, InMemoryUsedTokenIdStore>();
        services.TryAddSingleton<IStateStoreProbe, InMemoryStateStoreProbe>();
    }

    private static void AddRedis(IServiceCollection services, RedisConnectionString connectionString)
    {
        services.TryAddSingleton(connectionString);
        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<RedisKeys>();
        services.TryAddSingleton<RedisCommandRunner>();
        services.TryAddSingleton<ISessionStore, RedisSessionStore>();
        services.TryAddSingleton<ISeatHoldStore, RedisSeatHoldStore>();
        services.TryAddSingleton<IIdempotencyStore, RedisIdempotencyStore>();
        services.TryAddSingleton<IRevokedTokenStore, RedisRevokedTokenStore>();
        services.TryAddSingleton<IUsedTokenIdStore, RedisUsedTokenIdStore>();
        services.TryAddSingleton<IStateStoreProbe, RedisStateStoreProbe>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RedisConnectionStarter>());
    }
}
