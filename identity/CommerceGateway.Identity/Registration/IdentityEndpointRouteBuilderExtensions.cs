using CommerceGateway.Identity.Server;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the authorization server's routed endpoints.</summary>
public static class IdentityEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST /oauth/token</c> (and <c>/connect/token</c>). OpenIddict, running in
    /// <c>UseAuthentication</c>, reads and validates token requests before they reach it and serves
    /// <c>POST /oauth/introspect</c>, <c>POST /oauth/revoke</c>,
    /// <c>GET /.well-known/oauth-authorization-server</c>, <c>GET /.well-known/openid-configuration</c>
    /// and <c>GET /.well-known/jwks.json</c> itself. Requires <c>services.AddGatewayIdentity(...)</c> and
    /// <c>app.UseAuthentication()</c>. A store outage answers <c>temporarily_unavailable</c> (503 with
    /// <c>Retry-After</c>) on the token, introspection and revocation endpoints.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <returns>The group of identity endpoints, to add conventions such as rate limiting policies.</returns>
    public static RouteGroupBuilder MapGatewayIdentity(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(string.Empty).WithTags("Identity");
        group.MapTokenEndpoint();
        return group;
    }

    /// <summary>
    /// Maps the token endpoint (the same client-credentials grant, clients, keys and RFC 6749 errors as
    /// <c>POST /oauth/token</c>) at another route, e.g. under a front door's per-channel base URL.
    /// Requires <c>services.AddGatewayIdentity(...)</c>. The route's filters run once OpenIddict has
    /// validated the request, before the token is issued.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="pattern">The route pattern, e.g. <c>/livescale/{channel}/oauth/token</c>.</param>
    /// <returns>The endpoint, to add filters or conventions.</returns>
    public static RouteHandlerBuilder MapGatewayTokenEndpoint(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapTokenEndpointAt(pattern).WithTags("Identity");
    }
}
