namespace CommerceGateway.Identity.Clients;

/// <summary>A configured client in the shape the endpoints use.</summary>
internal sealed class RegisteredClient
{
    public RegisteredClient(string clientId, IdentityClientOptions options, TimeSpan defaultLifetime)
    {
        ClientId = clientId;
        SecretHash = options.SecretHash!;
        Audiences = new HashSet<string>(options.Audiences, StringComparer.Ordinal);
        DefaultAudience = options.DefaultAudience ?? options.Audiences[0];
        AllowedScopes = new HashSet<string>(options.AllowedScopes, StringComparer.Ordinal);
        DefaultScopes = [.. options.DefaultScopes.Distinct(StringComparer.Ordinal)];
        AccessTokenLifetime = options.AccessTokenLifetime ?? defaultLifetime;
    }

    public string ClientId { get; }

    public string SecretHash { get; }

    public IReadOnlySet<string> Audiences { get; }

    public string DefaultAudience { get; }

    public IReadOnlySet<string> AllowedScopes { get; }

    public IReadOnlyList<string> DefaultScopes { get; }

    public TimeSpan AccessTokenLifetime { get; }
}
