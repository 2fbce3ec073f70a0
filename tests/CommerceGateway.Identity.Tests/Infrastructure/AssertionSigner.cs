using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Identity.Tests.Infrastructure;

/// <summary>
/// A private_key_jwt client's side: a key pair whose public half goes into the server's configuration,
/// and RFC 7523 assertions signed with the private half at the host's fake time.
/// </summary>
internal sealed class AssertionSigner : IDisposable
{
    public const string Audience = IdentityTestHost.Issuer + "/oauth/token";
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly AsymmetricAlgorithm _key;

    private AssertionSigner(AsymmetricAlgorithm key, SecurityKey securityKey, string algorithm)
    {
        _key = key;
        SecurityKey = securityKey;
        Algorithm = algorithm;
    }

    public SecurityKey SecurityKey { get; }

    public string Algorithm { get; }

    public string KeyId => SecurityKey.KeyId;

    public static AssertionSigner Ec(string kid = "partner-key-1")
    {
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new AssertionSigner(ecdsa, new ECDsaSecurityKey(ecdsa) { KeyId = kid }, SecurityAlgorithms.EcdsaSha256);
    }

    public static AssertionSigner Rsa(string algorithm = SecurityAlgorithms.RsaSsaPssSha256)
    {
        var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa);
        // What a client without a configured kid names: the RFC 7638 thumbprint, as the server derives it.
        key.KeyId = Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromSecurityKey(key).ComputeJwkThumbprint());
        return new AssertionSigner(rsa, key, algorithm);
    }

    /// <summary>The public key as a one-key JWK Set, for <c>Identity:Clients:{id}:Jwks</c>.</summary>
    public string PublicJwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromSecurityKey(SecurityKey);
        var members = new Dictionary<string, string?> { ["kty"] = jwk.Kty, ["kid"] = jwk.Kid, ["use"] = "sig", ["alg"] = Algorithm };
        if (jwk.Kty == "EC")
        {
            (members["crv"], members["x"], members["y"]) = (jwk.Crv, jwk.X, jwk.Y);
        }
        else
        {
            (members["n"], members["e"]) = (jwk.N, jwk.E);
        }

        return JsonSerializer.Serialize(new { keys = new[] { members } });
    }

    /// <summary>The public key as a PEM SubjectPublicKeyInfo block, for <c>Identity:Clients:{id}:PublicKeyPem</c>.</summary>
    public string PublicPem() => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>The private key as PEM, which the server must refuse in its configuration.</summary>
    public string PrivatePem() => _key.ExportPkcs8PrivateKeyPem();

    /// <summary>The claims of a valid assertion for <paramref name="clientId"/> issued at <paramref name="now"/>.</summary>
    public static Dictionary<string, object> Claims(string clientId, DateTimeOffset now) => new()
    {
        ["iss"] = clientId,
        ["sub"] = clientId,
        ["aud"] = Audience,
        ["jti"] = Guid.NewGuid().ToString("N"),
        ["iat"] = now.ToUnixTimeSeconds(),
        ["exp"] = now.AddMinutes(1).ToUnixTimeSeconds(),
    };

    /// <summary>Signs <paramref name="claims"/> with this key (or <paramref name="credentials"/>).</summary>
    public string Sign(Dictionary<string, object> claims, SigningCredentials? credentials = null, bool includeKeyId = true)
    {
        var signing = credentials ?? new SigningCredentials(SecurityKey, Algorithm);
        var descriptor = new SecurityTokenDescriptor { Claims = claims, SigningCredentials = signing };
        if (!includeKeyId)
        {
            signing.Key.KeyId = null;
            try
            {
                return Handler.CreateToken(descriptor);
            }
            finally
            {
                signing.Key.KeyId = KeyId;
            }
        }

        return Handler.CreateToken(descriptor);
    }

    /// <summary>An unsigned JWT (<c>alg</c> none) with the given claims and this key's kid.</summary>
    public string Unsigned(Dictionary<string, object> claims) =>
        Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { alg = "none", typ = "JWT", kid = KeyId })))
        + "." + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(claims))) + ".";

    public void Dispose() => _key.Dispose();
}
