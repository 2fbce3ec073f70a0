using System.Security.Cryptography;
using System.Text.Json;
using CommerceGateway.Identity.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Identity.Tests.Options;

/// <summary>Start-up checks of the public keys a private_key_jwt client is registered with.</summary>
public sealed class ClientKeyOptionsTests
{
    private const string Key = "Identity:Clients:partner";

    [Fact]
    public async Task Start_SecretHashAndJwksTogether_FailsNamingBoth()
    {
        using var signer = AssertionSigner.Ec();

        var message = await StartFailureAsync(s =>
        {
            s[$"{Key}:SecretHash"] = TestClients.OtherHash;
            s[$"{Key}:Jwks"] = signer.PublicJwks();
        });

        Assert.Contains($"{Key} has both SecretHash and public keys (Jwks/PublicKeyPem)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_JwksWithPrivateKey_IsRefused()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ecdsa));
        var json = JsonSerializer.Serialize(new { keys = new[] { new { kty = "EC", crv = "P-256", x = jwk.X, y = jwk.Y, d = jwk.D, kid = "k1" } } });

        var message = await StartFailureAsync(s => s[$"{Key}:Jwks"] = json);

        Assert.Contains($"{Key}:Jwks key 0 holds private key material ('d')", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PemPrivateKey_IsRefused()
    {
        using var signer = AssertionSigner.Ec();

        var message = await StartFailureAsync(s => s[$"{Key}:PublicKeyPem"] = signer.PrivatePem());

        Assert.Contains($"{Key}:PublicKeyPem block 1 is a private key ('PRIVATE KEY')", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"keys":[{"kty":"oct","k":"c2VjcmV0","kid":"h"}]}""", "is a symmetric (kty 'oct') key")]
    [InlineData("""{"keys":[{"kty":"EC","crv":"P-256","x":"X","y":"Y","alg":"HS256"}]}""", "has alg 'HS256', which is not supported")]
    [InlineData("""{"keys":[{"kty":"EC","crv":"P-256","x":"X","y":"Y","alg":"none"}]}""", "has alg 'none', which is not supported")]
    [InlineData("""{"keys":[{"kty":"EC","crv":"P-256","x":"X","y":"Y","use":"enc"}]}""", "has use 'enc'")]
    [InlineData("""{"keys":[]}""", ":Jwks has no keys")]
    [InlineData("""[1,2]""", ":Jwks must be a JWK Set")]
    [InlineData("""{"keys":[""", ":Jwks is not valid JSON")]
    [InlineData("""{"keys":[{"kty":"OKP","crv":"Ed25519","x":"X"}]}""", "has kty 'OKP': only RSA and EC public keys are accepted")]
    public async Task Start_UnacceptableJwks_FailsWithMessageNamingTheSetting(string jwks, string message)
    {
        var failure = await StartFailureAsync(s => s[$"{Key}:Jwks"] = jwks);

        Assert.Contains(Key + ":Jwks", failure, StringComparison.Ordinal);
        Assert.Contains(message, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_EcKeyWithRsaAlgorithm_IsRefused()
    {
        using var signer = AssertionSigner.Ec();
        var jwks = signer.PublicJwks().Replace("\"ES256\"", "\"RS256\"", StringComparison.Ordinal);

        var message = await StartFailureAsync(s => s[$"{Key}:Jwks"] = jwks);

        Assert.Contains("has alg 'RS256', which does not fit its key type: use ES256", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ShortRsaKey_IsRefused()
    {
        using var rsa = RSA.Create(1024);

        var message = await StartFailureAsync(s => s[$"{Key}:PublicKeyPem"] = rsa.ExportSubjectPublicKeyInfoPem());

        Assert.Contains("is an RSA key shorter than 2048 bits", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SameKeyInJwksAndPem_IsRefusedAsDuplicateKid()
    {
        using var signer = AssertionSigner.Rsa();
        var jwks = signer.PublicJwks();

        var message = await StartFailureAsync(s =>
        {
            s[$"{Key}:Jwks"] = jwks;
            s[$"{Key}:PublicKeyPem"] = signer.PublicPem();
        });

        Assert.Contains($"{Key} has two keys with kid '{signer.KeyId}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NeitherSecretNorKeys_FailsPointingAtBothMethods()
    {
        var message = await StartFailureAsync(s => s[$"{Key}:Audiences:0"] = "api");

        Assert.Contains($"{Key}:SecretHash is missing or malformed", message, StringComparison.Ordinal);
        Assert.Contains($"{Key}:Jwks or {Key}:PublicKeyPem", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_JwksAndPemOnOneClient_EitherKeyAuthenticates()
    {
        using var ec = AssertionSigner.Ec();
        using var rsa = AssertionSigner.Rsa();
        await using var host = await IdentityTestHost.StartAsync(s =>
        {
            s[$"{Key}:Jwks"] = ec.PublicJwks();
            s[$"{Key}:PublicKeyPem"] = rsa.PublicPem();
            s[$"{Key}:Audiences:0"] = "api";
        });

        foreach (var signer in new[] { ec, rsa })
        {
            using var response = await host.PostFormAsync(
            [
                new("grant_type", "client_credentials"),
                new("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                new("client_assertion", signer.Sign(AssertionSigner.Claims("partner", host.Time.GetUtcNow()))),
            ]);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static async Task<string> StartFailureAsync(Action<Dictionary<string, string?>> configure)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => IdentityTestHost.StartAsync(s =>
        {
            s[$"{Key}:Audiences:0"] = "api";
            configure(s);
        }));
        return exception.Message;
    }
}
