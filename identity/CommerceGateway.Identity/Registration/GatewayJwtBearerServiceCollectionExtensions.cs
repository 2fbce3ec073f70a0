using CommerceGateway.Identity;
using CommerceGateway.Identity.Bearer;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers validation of the identity service's access tokens for the gateway.</summary>
public static class GatewayJwtBearerServiceCollectionExtensions
{
    /// <summary>
    /// Adds OpenIddict's token validation for the tokens of the identity service in this process (checked
    /// in process against its signing keys and issuer, with no HTTP call) or, with
    /// <see cref="GatewayJwtBearerOptions.Authority"/> set, of another issuer whose metadata and JWKS it
    /// reads. It accepts only the configured asymmetric algorithms and <c>typ: at+jwt</c>, checks issuer,
    /// audience and lifetime (with a small clock skew) and the <see cref="IRevokedTokenStore"/>, answers a
    /// refused token with 401 and RFC 6750's <c>WWW-Authenticate</c>, and adds one authorization policy per
    /// <see cref="GatewayJwtBearerOptions.ScopePolicies"/> entry. The default scheme is
    /// <see cref="GatewayBearerDefaults.AuthenticationScheme"/>: a token it has seen validated is answered
    /// from a cache (until its <c>exp</c>, while its signing key is published, revocation checked on every
    /// request); everything else goes to OpenIddict's scheme
    /// (<see cref="OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme"/>), which answers challenges.
    /// A store outage during the check throws <see cref="IdentityStoreUnavailableException"/> out of
    /// authentication, for the host's exception handler to answer 503: the token is neither accepted nor refused.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options; <see cref="GatewayJwtBearerOptions.Audiences"/> is required, and <see cref="GatewayJwtBearerOptions.Authority"/> when this process hosts no identity service.</param>
    /// <returns>The authentication builder, to add more schemes.</returns>
    public static AuthenticationBuilder AddGatewayJwtBearer(this IServiceCollection services, Action<GatewayJwtBearerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<GatewayJwtBearerOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayJwtBearerOptions>, GatewayJwtBearerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRevokedTokenStore>(sp => new InMemoryRevokedTokenStore(sp.GetRequiredService<TimeProvider>()));
        if (!services.Any(d => d.ServiceType == typeof(GatewayValidationSetup)))
        {
            services.AddSingleton<GatewayValidationSetup>();
            services.AddSingleton<IConfigureOptions<OpenIddictValidationOptions>>(sp => sp.GetRequiredService<GatewayValidationSetup>());
            services.AddSingleton<IConfigureOptions<AuthorizationOptions>>(sp => sp.GetRequiredService<GatewayValidationSetup>());
            services.AddOpenIddict().AddValidation(validation =>
            {
                validation.UseAspNetCore();
                validation.AddEventHandler(ValidationHandlers.OwnConfiguration.Descriptor);
                validation.AddEventHandler(ValidationHandlers.ExactIssuer.Descriptor);
                validation.AddEventHandler(ValidationHandlers.RevokedTokens.Descriptor);
                // Expiry is checked by the token handler with the configured clock skew (on the injected
                // clock); OpenIddict's own check allows none, which would refuse tokens within the skew.
                validation.RemoveEventHandler(OpenIddictValidationHandlers.Protection.ValidateExpirationDate.Descriptor);
            });
        }

        services.AddAuthorization();
        var authentication = services.AddAuthentication(GatewayBearerDefaults.AuthenticationScheme);
        if (!services.Any(d => d.ServiceType == typeof(ValidatedTicketCache)))
        {
            services.AddSingleton(sp => new ValidatedTicketCache(
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<GatewayJwtBearerOptions>>().Value.ValidatedTokenCacheSize));
            services.AddSingleton<CachedBearerTickets>();
            authentication.AddScheme<AuthenticationSchemeOptions, CachedBearerHandler>(GatewayBearerDefaults.AuthenticationScheme, displayName: null, configureOptions: null);
        }

        return authentication;
    }
}
