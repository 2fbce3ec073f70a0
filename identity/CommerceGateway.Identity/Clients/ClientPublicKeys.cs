using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Identity.Clients;

/// <summary>
/// Reads a client's configured public keys (<c>Jwks</c>, a JWK Set, and <c>PublicKeyPem</c>) into
/// <see cref="ClientAssertionKey"/>s. Anything that is not a public signing key of an algorithm we verify
/// is refused with a sentence naming the setting: private or symmetric key material in configuration
/// means the client's secret has leaked into ours, and HMAC or <c>none</c> would let anyone holding the
/// configuration forge assertions.
/// </summary>
internal static class ClientPublicKeys
{
    /// <summary>The algorithms assertions may be signed with; never <c>none</c> nor an HMAC.</summary>
    public static readonly FrozenSet<string> SupportedAlgorithms = FrozenSet.Create(
        StringComparer.Ordinal, "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

    private static readonly FrozenSet<string> RsaAlgorithms = FrozenSet.Create(StringComparer.Ordinal, "RS256", "RS384", "RS512", "PS256", "PS384", "PS512");
    private static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];
    private const int MinimumRsaBits = 2048;

    /// <summary>Whether a client has any key configured, whatever its quality.</summary>
    public static bool IsConfigured(IdentityClientOptions client) =>
        !string.IsNullOrWhiteSpace(client.Jwks) || !string.IsNullOrWhiteSpace(client.PublicKeyPem);

    /// <summary>The client's keys; every problem is added to <paramref name="failures"/> and the key left out.</summary>
    public static IReadOnlyList<ClientAssertionKey> Read(string settingPrefix, IdentityClientOptions client, List<string> failures)
    {
        var keys = new List<ClientAssertionKey>();
        if (!string.IsNullOrWhiteSpace(client.Jwks))
        {
            ReadJwks($"{settingPrefix}:Jwks", client.Jwks, keys, failures);
        }

        if (!string.IsNullOrWhiteSpace(client.PublicKeyPem))
        {
            ReadPem($"{settingPrefix}:PublicKeyPem", client.PublicKeyPem, keys, failures);
        }

        foreach (var duplicate in keys.GroupBy(k => k.KeyId, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"{settingPrefix} has two keys with kid '{duplicate.Key}': assertions select their key by kid, so kids must be unique.");
        }

        return keys;
    }

    private static void ReadJwks(string setting, string json, List<ClientAssertionKey> keys, List<string> failures)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            failures.Add($"{setting} is not valid JSON: set it to a JWK Set, {{\"keys\":[...]}}, of public keys.");
            return;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("keys", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                failures.Add($"{setting} must be a JWK Set (RFC 7517 §5): a JSON object with a \"keys\" array.");
                return;
            }

            if (array.GetArrayLength() == 0)
            {
                failures.Add($"{setting} has no keys.");
                return;
            }

            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                ReadJwk($"{setting} key {index}", element, keys, failures);
                index++;
            }
        }
    }

    private static void ReadJwk(string where, JsonElement jwk, List<ClientAssertionKey> keys, List<string> failures)
    {
        if (jwk.ValueKind != JsonValueKind.Object)
        {
            failures.Add($"{where} is not a JSON object.");
            return;
        }

        var kty = Member(jwk, "kty");
        if (kty == "oct")
        {
            failures.Add($"{where} is a symmetric (kty 'oct') key: HMAC-signed assertions are refused; configure the client's public RSA or EC key.");
            return;
        }

        if (PrivateMembers.FirstOrDefault(m => jwk.TryGetProperty(m, out _)) is { } secret)
        {
            failures.Add($"{where} holds private key material ('{secret}'): configure the public key only; the private key stays with the client.");
            return;
        }

        if (Member(jwk, "use") is { } use && use != "sig")
        {
            failures.Add($"{where} has use '{use}': only signing keys ('sig') authenticate clients.");
            return;
        }

        var alg = Member(jwk, "alg");
        if (alg is not null && !SupportedAlgorithms.Contains(alg))
        {
            failures.Add($"{where} has alg '{alg}', which is not supported: use one of {string.Join(", ", SupportedAlgorithms.Order(StringComparer.Ordinal))}.");
            return;
        }

        SecurityKey key;
        IReadOnlySet<string> algorithms;
        try
        {
            switch (kty)
            {
                case "RSA":
                    var rsa = RSA.Create();
                    rsa.ImportParameters(new RSAParameters { Modulus = Bytes(jwk, "n"), Exponent = Bytes(jwk, "e") });
                    (key, algorithms) = (new RsaSecurityKey(rsa), RsaAlgorithms);
                    break;
                case "EC":
                    var curve = Member(jwk, "crv");
                    var ecdsa = ECDsa.Create();
                    ecdsa.ImportParameters(new ECParameters
                    {
                        Curve = curve switch
                        {
                            "P-256" => ECCurve.NamedCurves.nistP256,
                            "P-384" => ECCurve.NamedCurves.nistP384,
                            "P-521" => ECCurve.NamedCurves.nistP521,
                            _ => throw new FormatException($"has crv '{curve}': use P-256, P-384 or P-521"),
                        },
                        Q = new ECPoint { X = Bytes(jwk, "x"), Y = Bytes(jwk, "y") },
                    });
                    (key, algorithms) = (new ECDsaSecurityKey(ecdsa), EcAlgorithms(ecdsa));
                    break;
                default:
                    failures.Add($"{where} has kty '{kty}': only RSA and EC public keys are accepted.");
                    return;
            }
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            failures.Add($"{where} is not a valid {kty} public key ({e.Message}).");
            return;
        }

        if (alg is not null && !algorithms.Contains(alg))
        {
            failures.Add($"{where} has alg '{alg}', which does not fit its key type: use {string.Join(", ", algorithms.Order(StringComparer.Ordinal))}.");
            return;
        }

        Add(where, key, Member(jwk, "kid"), alg is null ? algorithms : FrozenSet.Create(StringComparer.Ordinal, alg), keys, failures);
    }

    private static void ReadPem(string setting, string pem, List<ClientAssertionKey> keys, List<string> failures)
    {
        var text = pem.AsSpan();
        var found = 0;
        while (PemEncoding.TryFind(text, out var fields))
        {
            found++;
            var label = text[fields.Label].ToString();
            var der = Convert.FromBase64String(text[fields.Base64Data].ToString());
            text = text[fields.Location.End..];
            var where = $"{setting} block {found}";
            if (label.Contains("PRIVATE", StringComparison.Ordinal))
            {
                failures.Add($"{where} is a private key ('{label}'): configure the public key only ('PUBLIC KEY'); the private key stays with the client.");
                continue;
            }

            try
            {
                switch (label)
                {
                    case "PUBLIC KEY" when IsRsa(der):
                        var rsa = RSA.Create();
                        rsa.ImportSubjectPublicKeyInfo(der, out _);
                        Add(where, new RsaSecurityKey(rsa), null, RsaAlgorithms, keys, failures);
                        break;
                    case "PUBLIC KEY":
                        var ecdsa = ECDsa.Create();
                        ecdsa.ImportSubjectPublicKeyInfo(der, out _);
                        Add(where, new ECDsaSecurityKey(ecdsa), null, EcAlgorithms(ecdsa), keys, failures);
                        break;
                    case "RSA PUBLIC KEY":
                        var pkcs1 = RSA.Create();
                        pkcs1.ImportRSAPublicKey(der, out _);
                        Add(where, new RsaSecurityKey(pkcs1), null, RsaAlgorithms, keys, failures);
                        break;
                    default:
                        failures.Add($"{where} is a '{label}': only 'PUBLIC KEY' (SubjectPublicKeyInfo) or 'RSA PUBLIC KEY' blocks are accepted.");
                        break;
                }
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                failures.Add($"{where} is not a valid RSA or EC public key.");
            }
        }

        if (found == 0)
        {
            failures.Add($"{setting} holds no PEM block: set it to a '-----BEGIN PUBLIC KEY-----' block.");
        }
    }

    private static void Add(string where, SecurityKey key, string? kid, IReadOnlySet<string> algorithms, List<ClientAssertionKey> keys, List<string> failures)
    {
        if (key is RsaSecurityKey { Rsa.KeySize: < MinimumRsaBits })
        {
            failures.Add($"{where} is an RSA key shorter than {MinimumRsaBits} bits.");
            return;
        }

        if (algorithms.Count == 0)
        {
            failures.Add($"{where} is an EC key on an unsupported curve: use P-256, P-384 or P-521.");
            return;
        }

        // Keys without a kid get their RFC 7638 thumbprint, which is what most clients put in "kid" then.
        kid ??= Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromSecurityKey(key).ComputeJwkThumbprint());
        key.KeyId = kid;
        keys.Add(new ClientAssertionKey(kid, key, algorithms));
    }

    private static FrozenSet<string> EcAlgorithms(ECDsa ecdsa) => ecdsa.KeySize switch
    {
        256 => FrozenSet.Create(StringComparer.Ordinal, "ES256"),
        384 => FrozenSet.Create(StringComparer.Ordinal, "ES384"),
        521 => FrozenSet.Create(StringComparer.Ordinal, "ES512"),
        _ => FrozenSet<string>.Empty,
    };

    private static bool IsRsa(byte[] subjectPublicKeyInfo)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string? Member(JsonElement jwk, string name) =>
        jwk.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] Bytes(JsonElement jwk, string name) =>
        Member(jwk, name) is { Length: > 0 } value ? Base64UrlEncoder.DecodeBytes(value) : throw new FormatException($"'{name}' is missing");
}
