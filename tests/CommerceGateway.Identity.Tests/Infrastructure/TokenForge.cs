using System.Security.Cryptography;
using System.Text;
using CommerceGateway.Identity.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Identity.Tests.Infrastructure;

/// <summary>Signs tokens an attacker (or a misbehaving issuer) could make, with the host's real key where needed.</summary>
internal static class TokenForge
{
    /// <summary>The host's active signing key, read from its key files.</summary>
    public static async Task<SigningKey> RealKeyAsync(IdentityTestHost host)
    {
        var records = await new FileSigningKeyStore(Path.Combine(host.DataDirectory, "keys")).GetKeysAsync(CancellationToken.None);
        return SigningKey.Load(records.OrderByDescending(r => r.ActivatesAt).First());
    }

    /// <summary>Claims as the identity service would issue them to the shop client now.</summary>
    public static Dictionary<string, object> ValidClaims(IdentityTestHost host)
    {
        var now = host.Time.GetUtcNow().ToUnixTimeSeconds();
        return new Dictionary<string, object>
        {
            ["iss"] = IdentityTestHost.Issuer,
            ["sub"] = TestClients.ShopId,
            ["client_id"] = TestClients.ShopId,
            ["aud"] = "api",
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 3600,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["scope"] = "orders:read",
        };
    }

    public static string Sign(SigningCredentials credentials, Dictionary<string, object> claims, string type = "at+jwt")
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor { Claims = claims, SigningCredentials = credentials, TokenType = type });
    }

    public static string Unsigned(SigningKey key, Dictionary<string, object> claims)
    {
        var header = $$"""{"alg":"none","typ":"at+jwt","kid":"{{key.KeyId}}"}""";
        return Base64UrlEncoder.Encode(header) + "." + Base64UrlEncoder.Encode(System.Text.Json.JsonSerializer.Serialize(claims)) + ".";
    }

    /// <summary>HS256 with the public key as the HMAC secret: the classic algorithm-confusion attack.</summary>
    public static string SignedWithPublicKeyAsHmac(SigningKey key, Dictionary<string, object> claims)
    {
        var publicKeyPem = key.SecurityKey switch
        {
            ECDsaSecurityKey ec => ec.ECDsa.ExportSubjectPublicKeyInfoPem(),
            RsaSecurityKey rsa => rsa.Rsa.ExportSubjectPublicKeyInfoPem(),
            _ => throw new InvalidOperationException(),
        };
        var hmacKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(publicKeyPem)) { KeyId = key.KeyId };
        return Sign(new SigningCredentials(hmacKey, SecurityAlgorithms.HmacSha256), claims);
    }

    public static SigningCredentials UnknownKey()
    {
        var key = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "unknown-kid" };
        return new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256);
    }
}
