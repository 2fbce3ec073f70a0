using CommerceGateway.Gateway.Partners;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Partner REST routes: YARP with routes and clusters from <c>ReverseProxy:</c> (hot-reloaded),
/// each route behind a token with its audience and scope, a per-client rate limit, a timeout and a
/// body limit, with the backend's own credential injected in place of the partner's token.
/// </summary>
internal static class PartnerRouteExtensions
{
    public static IServiceCollection AddPartnerRoutes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReverseProxy()
            .LoadFromConfig(configuration.GetSection("ReverseProxy"))
            .AddConfigFilter<PartnerRouteConfigFilter>()
            .AddTransforms(PartnerTransforms.Apply);
        // A destination such as "/sandbox/guestmanager/" is on this gateway, at the address it listens on.
        services.AddSelfAddressedDestinations();
        services.AddSingleton<PartnerRouteAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler>(sp => sp.GetRequiredService<PartnerRouteAuthorizationHandler>());
        // Replaces ASP.NET Core's evaluator (whichever AddAuthorization comes first), which decides every other policy.
        services.TryAddTransient<PolicyEvaluator>();
        services.Replace(ServiceDescriptor.Singleton<IPolicyEvaluator, PartnerRoutePolicyEvaluator>());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, PartnerRouteForbiddenHandler>();
        services.AddAuthorizationBuilder().AddPolicy(PartnerRoutes.AuthorizationPolicy, policy =>
            policy.RequireAuthenticatedUser().AddRequirements(new PartnerRouteRequirement()));
        services.AddRequestTimeouts();
        services.AddPartnerRateLimiting();
        return services;
    }

    public static WebApplication MapPartnerRoutes(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(ProxyTimeoutStatus.ApplyAsync);
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
