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
}
