namespace CommerceGateway.Gateway.GraphQL;

/// <summary>Who may call <c>/graphql</c> (section <c>GraphQL</c>).</summary>
internal sealed class CommerceGraphQLOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "GraphQL";

    /// <summary>The audience a bearer token must name. Default <c>commerce-gateway</c>.</summary>
    public string Audience { get; set; } = "commerce-gateway";

    /// <summary>
    /// Publishable storefront keys (header <c>X-Storefront-Key</c>) and the public client each identifies.
    /// They are not secrets: they only allow storefront operations, rate limited per key.
    /// </summary>
    public Dictionary<string, string> PublishableKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Requests one publishable key may send per <see cref="PublishableKeyWindow"/>. Default 300.</summary>
    public int PublishableKeyPermitLimit { get; set; } = 300;

    /// <summary>The rate-limit window of publishable keys. Default 1 minute.</summary>
    public TimeSpan PublishableKeyWindow { get; set; } = TimeSpan.FromMinutes(1);
}
