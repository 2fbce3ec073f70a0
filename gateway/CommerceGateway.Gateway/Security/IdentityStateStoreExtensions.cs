using CommerceGateway.Gateway.Security;
using CommerceGateway.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts Identity's shared state (revoked tokens, used client assertions, signing keys) on the gateway's state store.</summary>
internal static class IdentityStateStoreExtensions
{
    /// <summary>
    /// Registers Identity's revocation list and used client-assertion ids on the state store (always, so
    /// revoking through the token service is seen by token validation, and a private_key_jwt assertion
    /// is single-use across replicas on Redis), and its signing keys on the state store when
    /// <c>ConnectionStrings:Redis</c> is set, so replicas share keys. Without Redis, Identity keeps
    /// its own default: files in <c>Identity:DataDirectory</c>, or memory in Development.
    /// Call before <c>AddGatewayIdentity</c>, whose defaults are only added when none is registered.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration holding <c>ConnectionStrings:Redis</c>.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddIdentityOnStateStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IRevokedTokenStore, StateStoreRevokedTokenStore>();
        services.TryAddSingleton<IUsedAssertionStore, StateStoreUsedAssertionStore>();
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")))
        {
            services.TryAddSingleton<ISigningKeyStore, StateStoreSigningKeyStore>();
        }

        return services;
    }
}
