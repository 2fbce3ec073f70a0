namespace CommerceGateway.Identity.Endpoints;

/// <summary>An RFC 6749 §5.2 error response.</summary>
internal sealed record OAuthError(int StatusCode, string Error, string Description)
{
    /// <summary>Whether the client used HTTP Basic, so a 401 carries <c>WWW-Authenticate: Basic</c>.</summary>
    public bool BasicChallenge { get; init; }

    /// <summary>For 429: when the client may try again.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static OAuthError InvalidRequest(string description) => new(StatusCodes.Status400BadRequest, "invalid_request", description);

    public static OAuthError InvalidClient(string description, bool basic) =>
        new(StatusCodes.Status401Unauthorized, "invalid_client", description) { BasicChallenge = basic };
}
