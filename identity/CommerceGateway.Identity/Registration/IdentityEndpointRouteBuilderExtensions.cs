using CommerceGateway.Identity.Endpoints;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the authorization server's endpoints.</summary>
public static class IdentityEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST /oauth/token</c> (and <c>/connect/token</c>), <c>POST /oauth/introspect</c>,
    /// <c>POST /oauth/revoke</c>, <c>GET /.well-known/oauth-authorization-server</c>,
    /// <c>GET /.well-known/openid-configuration</c> and <c>GET /.well-known/jwks.json</c>.
    /// Requires <c>services.AddGatewayIdentity(...)</c>. When a store throws
    /// <see cref="CommerceGateway.Identity.IdentityStoreUnavailableException"/>, the token, introspection
    /// and revocation endpoints answer <c>temporarily_unavailable</c> (503 with <c>Retry-After</c>);
    /// the discovery endpoints let it reach the host's exception handler.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <returns>The group of identity endpoints, to add conventions such as rate limiting policies.</returns>
    public static RouteGroupBuilder MapGatewayIdentity(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(string.Empty).WithTags("Identity");
        var oauth = group.MapGroup(string.Empty).AddEndpointFilter<StoreOutageFilter>();
        oauth.MapTokenEndpoint();
        oauth.MapIntrospectionEndpoint();
        oauth.MapRevocationEndpoint();
        group.MapDiscoveryEndpoints();
        return group;
    }

    /// <summary>
    /// Maps the token endpoint (the same client-credentials grant, clients, keys and RFC 6749 errors as
    /// <c>POST /oauth/token</c>) at another route, e.g. under a front door's per-channel base URL.
    /// Requires <c>services.AddGatewayIdentity(...)</c>.
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
