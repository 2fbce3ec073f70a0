namespace CommerceGateway.Identity;

/// <summary>Signing key settings (<c>Identity:Keys</c>).</summary>
public sealed class IdentityKeyOptions
{
    /// <summary>
    /// The JWS algorithm: <c>ES256</c> (default: small keys and tokens, fast signing) or <c>RS256</c>
    /// (for verifiers that only know RSA). Symmetric algorithms and <c>none</c> are refused.
    /// </summary>
    public string Algorithm { get; set; } = "ES256";

    /// <summary>How long a key signs before its successor takes over. Default 30 days; at least 1 hour.</summary>
    public TimeSpan RotationInterval { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a successor key is published in JWKS before it starts signing, so verifiers that cache
    /// JWKS know it first. Default 1 hour; must be shorter than <see cref="RotationInterval"/>.
    /// </summary>
    public TimeSpan PublishAhead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often a replica re-reads the key store to see keys made by other replicas. Default 1 minute.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);
}
