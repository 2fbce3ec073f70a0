namespace CommerceGateway.Identity.Clients;

/// <summary>A configured client in the shape the endpoints use.</summary>
internal sealed class RegisteredClient
{
    public RegisteredClient(string clientId, IdentityClientOptions options, TimeSpan defaultLifetime)
    {
        ClientId = clientId;
        SecretHash = string.IsNullOrEmpty(options.SecretHash) ? null : options.SecretHash;
        // The options validator refused every bad key at start-up, so nothing is dropped here.
        AssertionKeys = ClientPublicKeys.Read(clientId, options, []);
        Audiences = new HashSet<string>(options.Audiences, StringComparer.Ordinal);
        DefaultAudience = options.DefaultAudience ?? options.Audiences[0];
        AllowedScopes = new HashSet<string>(options.AllowedScopes, StringComparer.Ordinal);
        DefaultScopes = [.. options.DefaultScopes.Distinct(StringComparer.Ordinal)];
        AccessTokenLifetime = options.AccessTokenLifetime ?? defaultLifetime;
    }

    public string ClientId { get; }

    /// <summary>The secret's hash; null for a client that authenticates with <c>private_key_jwt</c>.</summary>
    public string? SecretHash { get; }

    /// <summary>The public keys of a <c>private_key_jwt</c> client; empty for a client with a secret.</summary>
    public IReadOnlyList<ClientAssertionKey> AssertionKeys { get; }

    public IReadOnlySet<string> Audiences { get; }

    public string DefaultAudience { get; }

    public IReadOnlySet<string> AllowedScopes { get; }

    public IReadOnlyList<string> DefaultScopes { get; }

    public TimeSpan AccessTokenLifetime { get; }
}
