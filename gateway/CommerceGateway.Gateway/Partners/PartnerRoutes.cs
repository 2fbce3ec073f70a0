namespace CommerceGateway.Gateway.Partners;

/// <summary>Names shared by the partner-route parts.</summary>
internal static class PartnerRoutes
{
    /// <summary>The authorization policy of every partner route.</summary>
    public const string AuthorizationPolicy = "partner-route";

    /// <summary>The rate-limiter policy of every partner route.</summary>
    public const string RateLimiterPolicy = "partner";
}
