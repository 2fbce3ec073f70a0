namespace CommerceGateway.Identity;

/// <summary>
/// Settings of the authorization server, bound from the <c>Identity:</c> configuration section and
/// validated at start-up.
/// </summary>
public sealed class IdentityOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Identity";

    /// <summary>
    /// The absolute URL clients use to reach this service, for example <c>https://auth.example.com</c>.
    /// It is the tokens' <c>iss</c> and the <c>issuer</c> of the metadata documents. Required outside
    /// Development; Development without it uses the address the server listens on
    /// (<see cref="ServerListenAddress"/>), so <c>--urls</c> or a port 0 bind needs no second setting.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>The registered clients, keyed by client id (<c>Identity:Clients:{clientId}</c>).</summary>
    public Dictionary<string, IdentityClientOptions> Clients { get; } = new(StringComparer.Ordinal);

    /// <summary>Access token lifetimes.</summary>
    public IdentityTokenOptions Tokens { get; } = new();

    /// <summary>Signing key algorithm and rotation.</summary>
    public IdentityKeyOptions Keys { get; } = new();

    /// <summary>Limits on failed client authentications.</summary>
    public IdentityRateLimitOptions RateLimiting { get; } = new();

    /// <summary>
    /// The folder where the default file key store keeps signing keys (<c>{DataDirectory}/keys</c>).
    /// Required outside Development unless another <see cref="ISigningKeyStore"/> is registered;
    /// relative paths are resolved against the content root.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// Whether Development adds the demo clients (<see cref="DemoClients"/>) that are not configured
    /// explicitly. Default <see langword="true"/>; never applies outside Development.
    /// </summary>
    public bool SeedDemoClientsInDevelopment { get; set; } = true;
}
