namespace CommerceGateway.Identity.Tokens;

/// <summary>A signed access token and what the token response and the log need to know about it.</summary>
internal sealed record IssuedToken(string AccessToken, string TokenId, string KeyId, long ExpiresIn, DateTimeOffset ExpiresAt, string Scope)
{
    /// <summary>Leaves the token out, so it can never reach a log.</summary>
    public override string ToString() => $"IssuedToken {{ TokenId = {TokenId}, KeyId = {KeyId}, ExpiresAt = {ExpiresAt:O} }}";
}
