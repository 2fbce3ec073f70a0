using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Identity.Bearer;

/// <summary>
/// Remembers tokens that passed full validation, so a partner sending the same token on every call
/// pays for one signature check (ES256 verification costs more than the rest of a proxied request).
/// A remembered token is trusted only until its <c>exp</c> and only while its signing key is still
/// among the keys the gateway accepts; everything that must be checked per request (revocation,
/// authorization) runs after this handler as before.
/// </summary>
internal sealed class CachingJsonWebTokenHandler(TimeProvider time, int capacity) : JsonWebTokenHandler
{
    private readonly ConcurrentDictionary<string, Entry> _validated = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(validationParameters);
        if (token is not null && _validated.TryGetValue(token, out var entry))
        {
            if (entry.Expires > time.GetUtcNow().UtcDateTime && await KeyStillAcceptedAsync(entry.KeyId, validationParameters).ConfigureAwait(false))
            {
                // A fresh identity per request: callers may add claims to theirs.
                return new TokenValidationResult
                {
                    IsValid = true,
                    SecurityToken = entry.Token,
                    ClaimsIdentity = entry.Identity.Clone(),
                    Issuer = entry.Token.Issuer,
                    TokenType = entry.Token.Typ,
                };
            }

            _validated.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        if (token is not null && result.IsValid && result.SecurityToken is JsonWebToken validated && result.ClaimsIdentity is { } identity)
        {
            Remember(token, new Entry(validated, identity.Clone(), validated.ValidTo, validated.Kid));
        }

        return result;
    }

    private static async ValueTask<bool> KeyStillAcceptedAsync(string? keyId, TokenValidationParameters parameters)
    {
        if (Contains(parameters.IssuerSigningKey is { } single ? [single] : null, keyId) || Contains(parameters.IssuerSigningKeys, keyId))
        {
            return true;
        }

        // The validation parameters also carry the issuer's configuration manager (its current keys);
        // it answers from its cache and refreshes on its own schedule.
        if (parameters.ConfigurationManager is { } manager)
        {
            var configuration = await manager.GetBaseConfigurationAsync(CancellationToken.None).ConfigureAwait(false);
            return Contains(configuration?.SigningKeys, keyId);
        }

        return false;
    }

    private static bool Contains(IEnumerable<SecurityKey>? keys, string? keyId)
    {
        if (keys is null || keyId is null)
        {
            return false;
        }

        foreach (var key in keys)
        {
            if (key.KeyId == keyId)
            {
                return true;
            }
        }

        return false;
    }

    private void Remember(string token, Entry entry)
    {
        var now = time.GetUtcNow().UtcDateTime;
        BoundedTokenCache.MakeRoom(_validated, capacity, cached => cached.Expires <= now);
        _validated[token] = entry;
    }

    private sealed record Entry(JsonWebToken Token, System.Security.Claims.ClaimsIdentity Identity, DateTime Expires, string? KeyId);
}
