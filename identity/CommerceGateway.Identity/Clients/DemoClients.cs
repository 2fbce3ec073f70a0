namespace CommerceGateway.Identity;

/// <summary>
/// The clients Development adds when they are not configured: documented demo secrets, never used
/// outside Development (see README, "Identity").
/// </summary>
public static class DemoClients
{
    /// <summary>The Livescale app's client id; its audience is <c>livescale</c>.</summary>
    public const string LivescaleId = "livescale";

    /// <summary>The demo secret of <see cref="LivescaleId"/>.</summary>
    public const string LivescaleSecret = "livescale-demo-secret";

    /// <summary>The storefront's client id; its audience is <c>commerce-gateway</c>.</summary>
    public const string StorefrontId = "storefront";

    /// <summary>The demo secret of <see cref="StorefrontId"/>.</summary>
    public const string StorefrontSecret = "storefront-demo-secret";

    /// <summary>A partner's client id; its audience is <c>partners</c>.</summary>
    public const string PartnerId = "partner-demo";

    /// <summary>The demo secret of <see cref="PartnerId"/>.</summary>
    public const string PartnerSecret = "partner-demo-secret";

    /// <summary>Adds each demo client whose id is not configured yet.</summary>
    /// <param name="options">The options to add to.</param>
    public static void AddTo(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Clients.TryAdd(LivescaleId, new IdentityClientOptions
        {
            SecretHash = "pbkdf2-sha256$600000$FNqWI/xHSszThkVZ9nRKYg==$1O4AWzL+3a3Q9ps/WRqmZxgrF5k62ld/qYb6GARrQIs=",
            Audiences = ["livescale"],
            AllowedScopes = ["shopping:read", "shopping:write"],
            DefaultScopes = ["shopping:read", "shopping:write"],
        });
        options.Clients.TryAdd(StorefrontId, new IdentityClientOptions
        {
            SecretHash = "pbkdf2-sha256$600000$fi4z+QMNrzCQ6n+SAjyoSA==$1zAfmVF/vgacNB+EuRw4xn+3mJgpEsEEaxOgirTzJcY=",
            Audiences = ["commerce-gateway"],
            AllowedScopes = ["catalog:read", "cart:write", "checkout:write"],
            DefaultScopes = ["catalog:read"],
        });
        options.Clients.TryAdd(PartnerId, new IdentityClientOptions
        {
            SecretHash = "pbkdf2-sha256$600000$zSYvRPsehrHGJwp7X6MJrw==$N7imjmXn99q0otdQyV6bMFwcb10iCU71gpD+OG0Y3Ck=",
            Audiences = ["partners"],
            AllowedScopes = ["partners:read", "partners:write"],
            DefaultScopes = ["partners:read"],
        });
    }
}
