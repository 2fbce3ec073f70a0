using System.Security.Cryptography;
using CommerceGateway.Identity.Bearer;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Identity.Tests.Bearer;

/// <summary>
/// The validated-token cache: a token seen again is not verified again, but never past its expiry
/// and never once its signing key is no longer published.
/// </summary>
public sealed class CachingJsonWebTokenHandlerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
    private readonly ECDsaSecurityKey _key = new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "key-1" };
    private int _signatureChecks;

    [Fact]
    public async Task ValidateToken_SameTokenTwice_VerifiesTheSignatureOnce()
    {
        var handler = new CachingJsonWebTokenHandler(_time, 100);
        var token = Sign(TimeSpan.FromMinutes(10));

        var first = await handler.ValidateTokenAsync(token, Parameters(_key));
        var second = await handler.ValidateTokenAsync(token, Parameters(_key));

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal("partner", second.ClaimsIdentity.FindFirst("client_id")?.Value);
        Assert.Equal(1, _signatureChecks);
    }

    [Fact]
    public async Task ValidateToken_KeysFromIssuerMetadata_VerifiesTheSignatureOnce()
    {
        // How JwtBearer passes keys: the issuer's metadata, not a fixed key list.
        var handler = new CachingJsonWebTokenHandler(_time, 100);
        var token = Sign(TimeSpan.FromMinutes(10));

        var first = await handler.ValidateTokenAsync(token, Parameters(_key, fromMetadata: true));
        var second = await handler.ValidateTokenAsync(token, Parameters(_key, fromMetadata: true));

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, _signatureChecks);
    }

    [Fact]
    public async Task ValidateToken_KeyNoLongerPublished_IsVerifiedAgainAndRefused()
    {
        var handler = new CachingJsonWebTokenHandler(_time, 100);
        var token = Sign(TimeSpan.FromMinutes(10));
        var other = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "key-2" };

        var first = await handler.ValidateTokenAsync(token, Parameters(_key));
        var afterRotation = await handler.ValidateTokenAsync(token, Parameters(other));

        Assert.True(first.IsValid);
        Assert.False(afterRotation.IsValid);
    }

    [Fact]
    public async Task ValidateToken_PastItsExpiry_IsNotAnsweredFromTheCache()
    {
        var handler = new CachingJsonWebTokenHandler(_time, 100);
        var token = Sign(TimeSpan.FromMinutes(10));

        await handler.ValidateTokenAsync(token, Parameters(_key));
        _time.Advance(TimeSpan.FromMinutes(11));
        var expired = await handler.ValidateTokenAsync(token, Parameters(_key));

        Assert.False(expired.IsValid);
        Assert.Equal(2, _signatureChecks);
    }

    [Fact]
    public async Task ValidateToken_FullCache_KeepsAnsweringCorrectly()
    {
        var handler = new CachingJsonWebTokenHandler(_time, 2);
        var tokens = Enumerable.Range(0, 5).Select(i => Sign(TimeSpan.FromMinutes(10 + i))).ToList();

        foreach (var token in tokens)
        {
            Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);
        }

        Assert.True((await handler.ValidateTokenAsync(tokens[0], Parameters(_key))).IsValid);
        Assert.False((await handler.ValidateTokenAsync(tokens[0] + "x", Parameters(_key))).IsValid);
    }

    private string Sign(TimeSpan lifetime)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "http://issuer",
            Audience = "partners",
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.EcdsaSha256),
            Claims = new Dictionary<string, object> { ["client_id"] = "partner", ["jti"] = Guid.NewGuid().ToString("N") },
        });
    }

    private TokenValidationParameters Parameters(SecurityKey published, bool fromMetadata = false)
    {
        var verifier = new JsonWebTokenHandler();
        var metadata = new OpenIdConnectConfiguration { Issuer = "http://issuer" };
        metadata.SigningKeys.Add(published);
        return new TokenValidationParameters
        {
            ValidIssuer = "http://issuer",
            ValidAudience = "partners",
            IssuerSigningKeys = fromMetadata ? null : [published],
            ConfigurationManager = fromMetadata ? new StaticConfigurationManager<OpenIdConnectConfiguration>(metadata) : null,
            LifetimeValidator = (notBefore, expires, _, _) => expires > _time.GetUtcNow().UtcDateTime,
            // Counts real verifications: the cache must make the second one unnecessary.
            SignatureValidator = (token, parameters) =>
            {
                Interlocked.Increment(ref _signatureChecks);
                var jwt = verifier.ReadJsonWebToken(token);
                var key = (parameters.IssuerSigningKeys ?? metadata.SigningKeys).FirstOrDefault(k => k.KeyId == jwt.Kid)
                    ?? throw new SecurityTokenSignatureKeyNotFoundException($"No key {jwt.Kid}.");
                var provider = key.CryptoProviderFactory.CreateForVerifying(key, jwt.Alg);
                var parts = token.Split('.');
                var valid = provider.Verify(System.Text.Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64UrlEncoder.DecodeBytes(parts[2]));
                return valid ? jwt : throw new SecurityTokenInvalidSignatureException("Bad signature.");
            },
        };
    }
}
