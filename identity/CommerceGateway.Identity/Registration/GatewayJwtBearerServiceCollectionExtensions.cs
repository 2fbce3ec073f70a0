using CommerceGateway.Identity;
using CommerceGateway.Identity.Bearer;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers validation of the identity service's access tokens for the gateway.</summary>
public static class GatewayJwtBearerServiceCollectionExtensions
{
    /// <summary>
    /// Adds JwtBearer authentication for the tokens of the identity service in this process (checked
    /// against its signing keys, with no HTTP call) or, with <see cref="GatewayJwtBearerOptions.Authority"/>
    /// set, of another issuer whose metadata and JWKS it reads. It accepts only the configured
    /// asymmetric algorithms and <c>typ: at+jwt</c>, checks issuer, audience and lifetime (with a small
    /// clock skew) and the <see cref="IRevokedTokenStore"/>, and adds one authorization policy per
    /// <see cref="GatewayJwtBearerOptions.ScopePolicies"/> entry. The scheme becomes the default.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options; <see cref="GatewayJwtBearerOptions.Audiences"/> is required, and <see cref="GatewayJwtBearerOptions.Authority"/> when this process hosts no identity service.</param>
    /// <returns>The authentication builder, to add more schemes.</returns>
    public static AuthenticationBuilder AddGatewayJwtBearer(this IServiceCollection services, Action<GatewayJwtBearerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var scheme = new GatewayJwtBearerOptions();
        configure(scheme);
        services.AddOptions<GatewayJwtBearerOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayJwtBearerOptions>, GatewayJwtBearerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRevokedTokenStore>(sp => new InMemoryRevokedTokenStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<GatewayJwtBearerSetup>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<JwtBearerOptions>, GatewayJwtBearerSetup>(sp => sp.GetRequiredService<GatewayJwtBearerSetup>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<AuthorizationOptions>, GatewayJwtBearerSetup>(sp => sp.GetRequiredService<GatewayJwtBearerSetup>()));
        services.AddAuthorization();
        return services.AddAuthentication(scheme.SchemeName).AddJwtBearer(scheme.SchemeName);
    }
}
