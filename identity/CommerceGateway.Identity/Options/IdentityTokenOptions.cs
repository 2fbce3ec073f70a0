namespace CommerceGateway.Identity;

/// <summary>Access token settings (<c>Identity:Tokens</c>).</summary>
public sealed class IdentityTokenOptions
{
    /// <summary>How long an access token is valid. Default 1 hour; between 1 minute and 1 day.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
