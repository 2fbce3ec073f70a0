using CommerceGateway.Identity.Bearer;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The gateway's authentication step in the request pipeline.</summary>
public static class GatewayAuthenticationApplicationBuilderExtensions
{
    // ASP.NET Core's own marker (AuthAppBuilderExtensions): without it, WebApplication adds its
    // authentication middleware at the start of the pipeline as well, and every request pays for both.
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    /// <summary>
    /// Adds authentication in place of <c>UseAuthentication</c> (after routing, so the predicate can read
    /// the endpoint). A request for which <paramref name="reachesNoIdentityEndpoint"/> is true skips
    /// OpenIddict's per-request transactions: a bearer token validated before is answered from the
    /// validated-ticket cache (revocation still read), any other goes through the default scheme's full
    /// validation. Every other request is authenticated exactly as by <c>UseAuthentication</c>. The
    /// predicate must be true only where no identity endpoint (token, introspection, revocation,
    /// discovery) can answer, since OpenIddict's server never sees those requests.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="reachesNoIdentityEndpoint">Whether a request can reach no OpenIddict endpoint, such as a partner route.</param>
    /// <returns>The same application, for chaining.</returns>
    public static IApplicationBuilder UseGatewayAuthentication(this IApplicationBuilder app, Func<HttpContext, bool> reachesNoIdentityEndpoint)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(reachesNoIdentityEndpoint);
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        return app.UseMiddleware<GatewayAuthenticationMiddleware>(reachesNoIdentityEndpoint);
    }
}
