namespace CommerceGateway.Gateway.Composition;

/// <summary>Which tokens the gateway accepts (<c>Gateway:Authentication</c>).</summary>
internal sealed class GatewayAuthenticationOptions
{
    /// <summary>
    /// Another issuer whose tokens are accepted, read from its metadata over HTTP, for a gateway that
    /// issues no tokens itself. Default (or equal to <c>Identity:Issuer</c>): the identity service this
    /// process hosts, whose tokens are checked against its signing keys with no HTTP call.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>
    /// Audiences a token may name to be accepted at all; each partner route then requires its own.
    /// Default: <c>partners</c>, <c>commerce-gateway</c> and <c>livescale</c>.
    /// </summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>The audiences used when none are configured.</summary>
    public static IReadOnlyList<string> DefaultAudiences { get; } = ["partners", "commerce-gateway", "livescale"];
}
