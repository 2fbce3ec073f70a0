namespace CommerceGateway.Identity;

/// <summary>Names used by the gateway's bearer-token authentication (<c>AddGatewayJwtBearer</c>).</summary>
public static class GatewayBearerDefaults
{
    /// <summary>
    /// The default authentication scheme: a token seen before is answered from the validated-ticket cache
    /// (bounded by its <c>exp</c>, its signing key still published, the revocation list read on every
    /// request); any other goes through OpenIddict's validation, whose refusals and challenges it returns.
    /// </summary>
    public const string AuthenticationScheme = "GatewayBearer";
}
