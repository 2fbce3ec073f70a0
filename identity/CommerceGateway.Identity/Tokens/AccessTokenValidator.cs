using CommerceGateway.Identity.Hosting;
using CommerceGateway.Identity.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Identity.Tokens;

/// <summary>Checks that a token is one of ours: signature, issuer, type, algorithm and lifetime; and whether it was revoked.</summary>
internal sealed class AccessTokenValidator
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly SigningKeyManager _keys;
    private readonly IRevokedTokenStore _revoked;
    private readonly TimeProvider _time;
    private readonly IdentityIssuer _issuer;

    public AccessTokenValidator(SigningKeyManager keys, IRevokedTokenStore revoked, IdentityIssuer issuer, TimeProvider time)
    {
        _keys = keys;
        _revoked = revoked;
        _time = time;
        _issuer = issuer;
    }

    /// <summary>The token when it is ours and signed by a published key; <paramref name="checkLifetime"/> false accepts expired ones.</summary>
    public async Task<JsonWebToken?> ValidateAsync(string token, bool checkLifetime, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 16 * 1024)
        {
            return null;
        }

        var keySet = await _keys.GetKeySetAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = await _issuer.GetAsync(cancellationToken).ConfigureAwait(false),
            ValidateAudience = false,
            ValidateLifetime = checkLifetime,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.Zero,
            IssuerSigningKeys = keySet.ValidationKeys,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256],
            ValidTypes = [AccessTokenIssuer.TokenType],
            LifetimeValidator = checkLifetime ? TokenLifetime.Validator(_time, TimeSpan.Zero) : null,
        };
        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        return result.IsValid && result.SecurityToken is JsonWebToken jwt && !string.IsNullOrEmpty(jwt.Id) ? jwt : null;
    }

    public Task<bool> IsRevokedAsync(JsonWebToken token, CancellationToken cancellationToken) =>
        _revoked.IsRevokedAsync(token.Id, cancellationToken);
}
