using System.Security.Claims;
using Yarp.ReverseProxy.Model;

namespace CommerceGateway.Gateway.Partners;

/// <summary>
/// The partner-route decision for one request: the token must name the route's audience and hold every
/// scope the route lists. The route is read at request time (rather than one policy per route built at
/// start-up) so hot-reloaded routes stay correct.
/// </summary>
internal static class PartnerRouteCheck
{
    /// <summary>What the route check found.</summary>
    public enum Verdict
    {
        /// <summary>The token may call the route.</summary>
        Allowed,

        /// <summary>The token names another audience or lacks a scope; the refusal says which.</summary>
        Refused,

        /// <summary>No partner-route metadata: not a partner route after all, so nothing is granted.</summary>
        NotAPartnerRoute,
    }

    public static Verdict Evaluate(HttpContext? http, ClaimsPrincipal user, Microsoft.AspNetCore.Authorization.IAuthorizationHandler source, out PartnerRouteRefusal? refusal)
    {
        refusal = null;
        var metadata = http?.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.Metadata;
        if (metadata is null
            || !metadata.TryGetValue(PartnerRouteMetadata.Audience, out var audience)
            || !metadata.TryGetValue(PartnerRouteMetadata.Scope, out var scope))
        {
            return Verdict.NotAPartnerRoute;
        }

        var grants = PartnerGrants.Of(user);
        if (!grants.HasAudience(audience))
        {
            refusal = PartnerRouteRefusal.WrongAudience(source, audience);
            return Verdict.Refused;
        }

        if (!grants.HasEveryScope(scope))
        {
            refusal = PartnerRouteRefusal.MissingScope(source, scope);
            return Verdict.Refused;
        }

        return Verdict.Allowed;
    }
}
