namespace CommerceGateway.Identity;

/// <summary>One client allowed to use the client-credentials grant (<c>Identity:Clients:{clientId}</c>).</summary>
public sealed class IdentityClientOptions
{
    /// <summary>
    /// The salted slow hash of the client secret, as printed by <c>hash-secret</c>
    /// (<see cref="ClientSecretHasher.Hash(string)"/>). Plain secrets are never configured. Required.
    /// </summary>
    public string? SecretHash { get; set; }

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
