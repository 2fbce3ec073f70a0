namespace CommerceGateway.Identity;

/// <summary>One client allowed to use the client-credentials grant (<c>Identity:Clients:{clientId}</c>).</summary>
public sealed class IdentityClientOptions
{
    /// <summary>
    /// The salted slow hash of the client secret, as printed by <c>hash-secret</c>
    /// (<see cref="ClientSecretHasher.Hash(string)"/>), for <c>client_secret_basic</c> and
    /// <c>client_secret_post</c>. Plain secrets are never configured. A client has either this or
    /// public keys (<see cref="Jwks"/>, <see cref="PublicKeyPem"/>), never both.
    /// </summary>
    public string? SecretHash { get; set; }

    /// <summary>
    /// The client's public keys for <c>private_key_jwt</c> (RFC 7523): a JWK Set as JSON,
    /// <c>{"keys":[...]}</c>, of RSA (2048 bits or more) or EC (P-256, P-384, P-521) public keys. A key's
    /// <c>alg</c>, when present, limits it to that algorithm; its <c>kid</c> is what assertions name
    /// (without one, the RFC 7638 thumbprint). Private or symmetric key material is refused at start-up.
    /// </summary>
    public string? Jwks { get; set; }

    /// <summary>
    /// The client's public key(s) for <c>private_key_jwt</c> as PEM (<c>-----BEGIN PUBLIC KEY-----</c>),
    /// alone or with <see cref="Jwks"/>. Its <c>kid</c> is its RFC 7638 thumbprint.
    /// </summary>
    public string? PublicKeyPem { get; set; }

    /// <summary>The audiences (<c>aud</c>) this client may request. At least one is required.</summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>The audience of a request that names none. Default: the first of <see cref="Audiences"/>.</summary>
    public string? DefaultAudience { get; set; }

    /// <summary>The scopes this client may request. Empty means it may request none.</summary>
    public List<string> AllowedScopes { get; set; } = [];

    /// <summary>The scopes granted when a request names none. Must be a subset of <see cref="AllowedScopes"/>.</summary>
    public List<string> DefaultScopes { get; set; } = [];

    /// <summary>This client's access token lifetime. Default: <see cref="IdentityTokenOptions.AccessTokenLifetime"/>.</summary>
    public TimeSpan? AccessTokenLifetime { get; set; }
}
