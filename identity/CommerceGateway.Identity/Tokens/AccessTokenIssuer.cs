using System.Security.Cryptography;
using CommerceGateway.Identity.Clients;
using CommerceGateway.Identity.Hosting;
using CommerceGateway.Identity.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Identity.Tokens;

/// <summary>Signs RFC 9068 access tokens with the active key.</summary>
internal sealed class AccessTokenIssuer
{
    /// <summary>The <c>typ</c> header of access tokens (RFC 9068 §2.1).</summary>
    public const string TokenType = "at+jwt";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningKeyManager _keys;
    private readonly TimeProvider _time;
    private readonly IdentityIssuer _issuer;

    public AccessTokenIssuer(SigningKeyManager keys, IdentityIssuer issuer, TimeProvider time)
    {
        _keys = keys;
        _time = time;
        _issuer = issuer;
    }

    public async ValueTask<IssuedToken> IssueAsync(RegisteredClient client, IReadOnlyList<string> audiences, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var keySet = await _keys.GetKeySetAsync(cancellationToken).ConfigureAwait(false);
        var issuer = await _issuer.GetAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        // JWT times are whole seconds; truncating keeps exp - iat equal to expires_in.
        now = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var expires = now + client.AccessTokenLifetime;
        var tokenId = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        var scope = string.Join(' ', scopes);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [JwtRegisteredClaimNames.Sub] = client.ClientId,
            ["client_id"] = client.ClientId,
            [JwtRegisteredClaimNames.Jti] = tokenId,
            [JwtRegisteredClaimNames.Aud] = audiences.Count == 1 ? audiences[0] : audiences.ToArray(),
        };
        if (scope.Length > 0)
        {
            claims["scope"] = scope;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            TokenType = TokenType,
            Claims = claims,
            SigningCredentials = keySet.Active.Credentials,
        };
        var token = _handler.CreateToken(descriptor);
        return new IssuedToken(token, tokenId, keySet.Active.KeyId, (long)client.AccessTokenLifetime.TotalSeconds, expires, scope);
    }
}
