using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Identity.Bearer;

/// <summary>
/// The outcome of a token's full validation, kept for the requests that present the same token again:
/// the ticket itself (shared by those requests, so nothing downstream may add claims to it), what must
/// still be checked per request (<c>exp</c>, the signing key, the <c>jti</c> against the revocation
/// list), and the last configuration its key was found in, so an unchanged key set costs no scan.
/// </summary>
internal sealed class ValidatedTicket(AuthenticationTicket ticket, DateTimeOffset expires, string keyId, string tokenId)
{
    private volatile BaseConfiguration? _keyFoundIn;

    public AuthenticationTicket Ticket { get; } = ticket;

    public DateTimeOffset Expires { get; } = expires;

    public string KeyId { get; } = keyId;

    public string TokenId { get; } = tokenId;

    /// <summary>Whether <paramref name="configuration"/> still publishes the key that signed the token.</summary>
    public bool KeyPublishedIn(BaseConfiguration configuration)
    {
        if (ReferenceEquals(_keyFoundIn, configuration))
        {
            return true;
        }

        foreach (var key in configuration.SigningKeys)
        {
            if (string.Equals(key.KeyId, KeyId, StringComparison.Ordinal))
            {
                _keyFoundIn = configuration;
                return true;
            }
        }

        return false;
    }
}
