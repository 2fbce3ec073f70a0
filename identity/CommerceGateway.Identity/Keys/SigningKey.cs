using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Identity.Keys;

/// <summary>A loaded signing key: the crypto object, its credentials and its public JWK members.</summary>
internal sealed class SigningKey
{
    private SigningKey(SigningKeyRecord record, AsymmetricSecurityKey securityKey, IReadOnlyDictionary<string, string> publicJwk)
    {
        Record = record;
        SecurityKey = securityKey;
        PublicJwk = publicJwk;
        Credentials = new SigningCredentials(securityKey, record.Algorithm);
    }

    public SigningKeyRecord Record { get; }

    public string KeyId => Record.KeyId;

    public string Algorithm => Record.Algorithm;

    public AsymmetricSecurityKey SecurityKey { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>The public members of the JWK, in output order (never a private member).</summary>
    public IReadOnlyDictionary<string, string> PublicJwk { get; }

    public static SigningKey Create(string algorithm, DateTimeOffset now, DateTimeOffset activatesAt)
    {
        string pem;
        if (algorithm == SecurityAlgorithms.EcdsaSha256)
        {
            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            pem = ecdsa.ExportPkcs8PrivateKeyPem();
        }
        else
        {
            using var rsa = RSA.Create(2048);
            pem = rsa.ExportPkcs8PrivateKeyPem();
        }

        var draft = Load(new SigningKeyRecord("pending", algorithm, now, activatesAt, pem));
        var keyId = Base64UrlEncoder.Encode(Thumbprint(draft.PublicJwk));
        return Load(draft.Record with { KeyId = keyId });
    }

    public static SigningKey Load(SigningKeyRecord record)
    {
        switch (record.Algorithm)
        {
            case SecurityAlgorithms.EcdsaSha256:
            {
                var ecdsa = ECDsa.Create();
                ecdsa.ImportFromPem(record.PrivateKeyPem);
                var p = ecdsa.ExportParameters(includePrivateParameters: false);
                if (p.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
                {
                    throw new InvalidDataException($"Signing key {record.KeyId} is not on P-256, as ES256 requires.");
                }

                var jwk = new Dictionary<string, string>
                {
                    ["kty"] = "EC",
                    ["crv"] = "P-256",
                    ["x"] = Base64UrlEncoder.Encode(p.Q.X),
                    ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
                };
                return new SigningKey(record, new ECDsaSecurityKey(ecdsa) { KeyId = record.KeyId }, jwk);
            }

            case SecurityAlgorithms.RsaSha256:
            {
                var rsa = RSA.Create();
                rsa.ImportFromPem(record.PrivateKeyPem);
                var p = rsa.ExportParameters(includePrivateParameters: false);
                var jwk = new Dictionary<string, string>
                {
                    ["kty"] = "RSA",
                    ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                    ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                };
                return new SigningKey(record, new RsaSecurityKey(rsa) { KeyId = record.KeyId }, jwk);
            }

            default:
                throw new InvalidDataException($"Signing key {record.KeyId} has the unsupported algorithm '{record.Algorithm}'.");
        }
    }

    /// <summary>RFC 7638: SHA-256 over the required members in lexicographic order, without whitespace.</summary>
    private static byte[] Thumbprint(IReadOnlyDictionary<string, string> jwk)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in jwk.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return SHA256.HashData(buffer.ToArray());
    }
}
