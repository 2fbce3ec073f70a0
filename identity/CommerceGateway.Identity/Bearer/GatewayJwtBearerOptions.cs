namespace CommerceGateway.Identity;

/// <summary>How the gateway validates access tokens from the identity service (<c>AddGatewayJwtBearer</c>, on OpenIddict's validation).</summary>
public sealed class GatewayJwtBearerOptions
{
    /// <summary>
    /// Another identity service whose tokens are accepted, exactly as in their <c>iss</c>; its metadata
    /// and JWKS are fetched over HTTP. Default <see langword="null"/>: accept the tokens of the identity
    /// service in this process (<c>AddGatewayIdentity</c>), checked against its own issuer and signing
    /// keys with no HTTP call, so a successor key is accepted from the moment it is published.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The metadata document of <see cref="Authority"/>. Default: <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Audiences this gateway accepts; a token must name at least one. Required.</summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>Accepted JWS algorithms. Default ES256 and RS256; symmetric algorithms and <c>none</c> are refused.</summary>
    public List<string> Algorithms { get; set; } = ["ES256", "RS256"];

    /// <summary>Allowed clock difference for <c>exp</c> and <c>nbf</c>. Default 30 seconds; at most 5 minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the metadata of <see cref="Authority"/> must be fetched over HTTPS. Default true; turned off only for loopback issuers in tests and Development.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// How often the metadata and JWKS of <see cref="Authority"/> are re-read. Default 10 minutes: shorter
    /// than the identity service's <see cref="IdentityKeyOptions.PublishAhead"/>, so a successor key is
    /// known before it signs. (The re-read runs in the background: a token whose key was never seen is
    /// refused until it lands.)
    /// </summary>
    public TimeSpan AutomaticRefreshInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The least time between re-reads forced by an unknown <c>kid</c>: of the remote metadata, or of the
    /// local key store (another replica's new key). Default 1 minute.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many validated tokens are remembered so that a token seen again skips validation: its
    /// authentication ticket is reused (<see cref="GatewayBearerDefaults.AuthenticationScheme"/>) and
    /// the JWT handler skips the signature check. An entry lives until the token's <c>exp</c> at most
    /// and is used only while its signing key is still published; the revocation list is checked on
    /// every request regardless. Default 10000 (for each of the two caches); 0 turns them off.
    /// </summary>
    public int ValidatedTokenCacheSize { get; set; } = 10_000;

    /// <summary>Authorization policies by name, each requiring every listed scope in the token's <c>scope</c>.</summary>
    public Dictionary<string, List<string>> ScopePolicies { get; } = new(StringComparer.Ordinal);

    /// <summary>The handler that fetches the metadata and JWKS of <see cref="Authority"/>, for tests and custom TLS. Default: a plain HTTP handler.</summary>
    public HttpMessageHandler? BackchannelHttpHandler { get; set; }
}
