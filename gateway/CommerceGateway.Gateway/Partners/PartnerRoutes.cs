using Yarp.ReverseProxy.Model;

namespace CommerceGateway.Gateway.Partners;

/// <summary>Names shared by the partner-route parts.</summary>
internal static class PartnerRoutes
{
    /// <summary>The authorization policy of every partner route.</summary>
    public const string AuthorizationPolicy = "partner-route";

    /// <summary>The rate-limiter policy of every partner route.</summary>
    public const string RateLimiterPolicy = "partner";

    /// <summary>
    /// Whether routing chose a partner route (a YARP route: the route filter keeps every one under
    /// <c>/partners/</c>, where no identity endpoint is).
    /// </summary>
    public static bool IsPartnerRoute(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is not null;
}
