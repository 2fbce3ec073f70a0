using CommerceGateway.Identity;
using CommerceGateway.Identity.Clients;
using CommerceGateway.Identity.Diagnostics;
using CommerceGateway.Identity.Server;
using CommerceGateway.Identity.Hosting;
using CommerceGateway.Identity.Keys;
using CommerceGateway.Identity.RateLimiting;
using CommerceGateway.Identity.Registration;
using CommerceGateway.Identity.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the OAuth2 client-credentials authorization server.</summary>
public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Adds the authorization server with options bound from the <c>Identity:</c> section of
    /// <paramref name="configuration"/> and validated at start-up. Calling it twice is harmless.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The application's configuration (the root, not the section).</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddGatewayIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<IdentityOptions>().Bind(configuration.GetSection(IdentityOptions.SectionName));
        return services.AddCore();
    }

    /// <summary>Adds the authorization server with options set in code and validated at start-up.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddGatewayIdentity(this IServiceCollection services, Action<IdentityOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<IdentityOptions>().Configure(configure);
        return services.AddCore();
    }

    private static IServiceCollection AddCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(SigningKeyManager)))
        {
            // Added before: OpenIddict's handlers must be registered once.
            return services;
        }

        services.AddOptions<IdentityOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<IdentityOptions>, DemoClientSeeding>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRevokedTokenStore>(sp => new InMemoryRevokedTokenStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IUsedAssertionStore>(sp => new InMemoryUsedAssertionStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ISigningKeyStore>(SigningKeyStoreFactory.Create);
        services.TryAddSingleton<ClientAuthenticator>();
        services.TryAddSingleton<FailedAuthenticationLimiter>();
        services.TryAddSingleton<SigningKeyManager>();
        services.TryAddSingleton<ServerListenAddress>();
        services.TryAddSingleton<IdentityIssuer>();
        services.AddMetrics();
        services.TryAddSingleton<IdentityMetrics>();
        // The constructor is internal (it takes the internal key manager), so DI needs a factory.
        services.TryAddSingleton(sp => new SigningKeyReadiness(sp.GetRequiredService<SigningKeyManager>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SigningKeyInitializer>());
        services.AddOpenIddict().AddServer(GatewayServerSetup.Configure);
        return services;
    }
}
