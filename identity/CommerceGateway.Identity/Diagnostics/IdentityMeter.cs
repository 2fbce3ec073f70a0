namespace CommerceGateway.Identity;

/// <summary>The meter of the identity service, for hosts that export metrics.</summary>
public static class IdentityMeter
{
    /// <summary>
    /// The meter's name. Instruments: <c>commerce.identity.tokens_issued</c> (counter, tag
    /// <c>client_id</c>) and <c>commerce.identity.authentication_throttled</c> (counter, no tags:
    /// requests refused by the failed-authentication limiter).
    /// </summary>
    public const string Name = "CommerceGateway.Identity";
}
