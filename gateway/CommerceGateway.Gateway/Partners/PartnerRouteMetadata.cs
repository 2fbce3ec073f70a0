namespace CommerceGateway.Gateway.Partners;

/// <summary>
/// The keys a partner route sets in <c>ReverseProxy:Routes:{id}:Metadata</c>. They live in route
/// metadata, not in code, so that a configuration reload changes them with the route.
/// </summary>
internal static class PartnerRouteMetadata
{
    /// <summary>The audience a token must name to use the route (required).</summary>
    public const string Audience = "Audience";

    /// <summary>The space-separated scopes a token must hold to use the route (required).</summary>
    public const string Scope = "Scope";

    /// <summary>
    /// Where the backend's own credential comes from, as <c>{channel}:{credential}</c>: the value of
    /// <c>Channels:{channel}:Credentials:{credential}</c>. Optional; without it nothing is injected.
    /// </summary>
    public const string UpstreamCredential = "UpstreamCredential";

    /// <summary>The Authorization scheme the backend expects for the credential (default <c>Bearer</c>).</summary>
    public const string UpstreamScheme = "UpstreamScheme";

    /// <summary>The path every partner route starts with.</summary>
    public const string PathPrefix = "/partners/";
}
