using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CommerceGateway.Identity.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Identity.Tests.Endpoints;

/// <summary>private_key_jwt (RFC 7523 §2.2): a partner client registered with a public key authenticates with signed assertions.</summary>
public sealed class PrivateKeyJwtTests : IAsyncLifetime
{
    private const string PartnerId = "partner";
    private const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private readonly AssertionSigner _signer = AssertionSigner.Ec();
    private readonly AssertionSigner _rsa = AssertionSigner.Rsa();
    private IdentityTestHost _host = null!;

    public async Task InitializeAsync() => _host = await IdentityTestHost.StartAsync(settings =>
    {
        settings[$"Identity:Clients:{PartnerId}:Jwks"] = _signer.PublicJwks();
        settings[$"Identity:Clients:{PartnerId}:Audiences:0"] = "api";
        settings[$"Identity:Clients:{PartnerId}:AllowedScopes:0"] = "orders:read";
        settings[$"Identity:Clients:{PartnerId}:DefaultScopes:0"] = "orders:read";
        settings["Identity:Clients:pem-partner:PublicKeyPem"] = _rsa.PublicPem();
        settings["Identity:Clients:pem-partner:Audiences:0"] = "api";
    });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _signer.Dispose();
        _rsa.Dispose();
    }

    private DateTimeOffset Now => _host.Time.GetUtcNow();

    [Fact]
    public async Task Token_ValidEs256Assertion_ReturnsTokenTheApiAccepts()
    {
        using var response = await PostAssertionAsync(_signer.Sign(AssertionSigner.Claims(PartnerId, Now)));

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var token = body.GetProperty("access_token").GetString()!;
        Assert.Equal(PartnerId, Jwt.Payload(token).GetProperty("client_id").GetString());
        Assert.Equal("orders:read", Jwt.Payload(token).GetProperty("scope").GetString());
        Assert.Equal((200, PartnerId), await _host.CallApiAsync(token));
    }

    [Fact]
    public async Task Token_AssertionWithMatchingClientIdAndIssuerAsAudience_ReturnsToken()
    {
        var claims = AssertionSigner.Claims(PartnerId, Now);
        claims["aud"] = IdentityTestHost.Issuer;

        using var response = await PostAssertionAsync(_signer.Sign(claims), clientId: PartnerId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_Ps256AssertionWithoutKidForPemKey_ReturnsToken()
    {
        var assertion = _rsa.Sign(AssertionSigner.Claims("pem-partner", Now), includeKeyId: false);

        using var response = await PostAssertionAsync(assertion);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_Rs256AssertionWithThumbprintKidForPemKey_ReturnsToken()
    {
        var assertion = _rsa.Sign(AssertionSigner.Claims("pem-partner", Now), new SigningCredentials(_rsa.SecurityKey, SecurityAlgorithms.RsaSha256));

        using var response = await PostAssertionAsync(assertion);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_AssertionWithFractionalNumericDates_ReturnsToken()
    {
        var claims = AssertionSigner.Claims(PartnerId, Now);
        (claims["iat"], claims["exp"]) = (Now.ToUnixTimeSeconds() + 0.25, Now.ToUnixTimeSeconds() + 60.5);

        using var response = await PostAssertionAsync(_signer.Sign(claims));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_ReplayedAssertion_IsInvalidClient()
    {
        var assertion = _signer.Sign(AssertionSigner.Claims(PartnerId, Now));
        using var first = await PostAssertionAsync(assertion);

        using var replay = await PostAssertionAsync(assertion);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertErrorAsync(replay, HttpStatusCode.Unauthorized, "invalid_client", "used before");
    }

    public static TheoryData<string, string> RefusedAssertions() => new()
    {
        { "expired", "expired" },
        { "not-yet-valid", "not valid yet" },
        { "issued-in-future", "issued in the future" },
        { "too-long-lived", "lives too long" },
        { "no-exp", "needs an 'exp'" },
        { "no-jti", "'jti'" },
        { "wrong-audience", "'aud'" },
        { "wrong-issuer", "'iss' and 'sub'" },
        { "sub-differs", "'iss' and 'sub'" },
        { "client-id-differs", "'client_id' differs" },
        { "unknown-client", "not registered for private_key_jwt" },
        { "unknown-kid", "no key 'other-kid'" },
        { "wrong-key", "signature does not verify" },
        { "alg-none", "alg 'none' is refused" },
        { "hmac", "alg 'HS256' is refused" },
        { "not-a-jwt", "not a JWT" },
    };

    [Theory]
    [MemberData(nameof(RefusedAssertions))]
    public async Task Token_BadAssertion_IsInvalidClient(string scenario, string description)
    {
        var claims = AssertionSigner.Claims(PartnerId, Now);
        string? clientId = null;
        string assertion;
        switch (scenario)
        {
            case "expired":
                (claims["iat"], claims["exp"]) = (Now.AddMinutes(-3).ToUnixTimeSeconds(), Now.AddMinutes(-1).ToUnixTimeSeconds());
                break;
            case "not-yet-valid":
                (claims["nbf"], claims["exp"]) = (Now.AddMinutes(2).ToUnixTimeSeconds(), Now.AddMinutes(3).ToUnixTimeSeconds());
                claims.Remove("iat");
                break;
            case "issued-in-future":
                (claims["iat"], claims["exp"]) = (Now.AddMinutes(2).ToUnixTimeSeconds(), Now.AddMinutes(3).ToUnixTimeSeconds());
                break;
            case "too-long-lived":
                claims["exp"] = Now.AddMinutes(30).ToUnixTimeSeconds();
                break;
            case "no-exp":
                claims.Remove("exp");
                break;
            case "no-jti":
                claims.Remove("jti");
                break;
            case "wrong-audience":
                claims["aud"] = "https://someone-else.example/oauth/token";
                break;
            case "wrong-issuer":
                claims["iss"] = "other-partner";
                break;
            case "sub-differs":
                claims["sub"] = TestClients.ShopId;
                break;
            case "client-id-differs":
                clientId = TestClients.OtherId;
                break;
            case "unknown-client":
                (claims["iss"], claims["sub"]) = ("nobody", "nobody");
                break;
        }

        assertion = scenario switch
        {
            "unknown-kid" => _signer.Sign(claims, new SigningCredentials(new ECDsaSecurityKey(((ECDsaSecurityKey)_signer.SecurityKey).ECDsa) { KeyId = "other-kid" }, SecurityAlgorithms.EcdsaSha256)),
            "wrong-key" => SignWithStrangerKey(claims),
            "alg-none" => _signer.Unsigned(claims),
            "hmac" => _signer.Sign(claims, new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = _signer.KeyId }, SecurityAlgorithms.HmacSha256)),
            "not-a-jwt" => "not-a-jwt",
            _ => _signer.Sign(claims),
        };

        using var response = await PostAssertionAsync(assertion, clientId);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", description);
    }

    [Fact]
    public async Task Token_SecretClientPresentingAssertion_IsInvalidClient()
    {
        using var response = await PostAssertionAsync(_signer.Sign(AssertionSigner.Claims(TestClients.ShopId, Now)));

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", "not registered for private_key_jwt");
    }

    [Fact]
    public async Task Token_KeyClientPresentingSecret_IsInvalidClient()
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials"), new("client_id", PartnerId), new("client_secret", "guessed")]);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", "failed");
    }

    [Fact]
    public async Task Token_SecretAndAssertionTogether_IsInvalidRequest()
    {
        using var response = await _host.PostFormAsync(
        [
            new("grant_type", "client_credentials"), new("client_id", PartnerId), new("client_secret", "anything"),
            new("client_assertion_type", AssertionType), new("client_assertion", _signer.Sign(AssertionSigner.Claims(PartnerId, Now))),
        ]);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request", null);
    }

    [Fact]
    public async Task Token_BasicHeaderAndAssertionTogether_IsInvalidRequest()
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials"), new("client_assertion_type", AssertionType), new("client_assertion", _signer.Sign(AssertionSigner.Claims(PartnerId, Now)))],
            authorization: IdentityTestHost.Basic(TestClients.ShopId, TestClients.ShopSecret));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request", null);
    }

    [Fact]
    public async Task Token_UnsupportedAssertionType_IsRefused()
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials"), new("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer"), new("client_assertion", "PHNhbWw+")]);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", null);
    }

    [Fact]
    public async Task Token_ForgedAssertionsNamingAClient_DoNotLockThatClientOut()
    {
        // More than the per-client limit (5): an assertion's iss is anyone's to write until its signature verifies.
        await PostForgedAssertionsAsync(8);

        using var genuine = await PostAssertionAsync(_signer.Sign(AssertionSigner.Claims(PartnerId, Now)));

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    [Fact]
    public async Task Token_ManyFailedAssertionsFromOneAddress_AreThrottledWith429AndRetryAfter()
    {
        // The per-address limit (20).
        await PostForgedAssertionsAsync(20);

        using var throttled = await PostAssertionAsync(_signer.Sign(AssertionSigner.Claims(PartnerId, Now)));

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        _host.Time.Advance(TimeSpan.FromMinutes(2));
        using var later = await PostAssertionAsync(_signer.Sign(AssertionSigner.Claims(PartnerId, Now)));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Token_RepeatedReplaysOfTheClientsOwnAssertion_ThrottleThatClientWith429()
    {
        var assertion = _signer.Sign(AssertionSigner.Claims(PartnerId, Now));
        using (var first = await PostAssertionAsync(assertion))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // Signed by the client's key: these failures are the client's, and its limit (5) applies.
        for (var i = 0; i < 5; i++)
        {
            using var replay = await PostAssertionAsync(assertion);
            Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        }

        using var throttled = await PostAssertionAsync(_signer.Sign(AssertionSigner.Claims(PartnerId, Now)));

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Introspection_WithPrivateKeyJwt_AnswersActive()
    {
        var token = await _host.GetTokenAsync();
        var claims = AssertionSigner.Claims(PartnerId, Now);
        claims["aud"] = IdentityTestHost.Issuer + "/oauth/introspect";

        using var response = await _host.PostFormAsync(
            [new("token", token), new("client_assertion_type", AssertionType), new("client_assertion", _signer.Sign(claims))], "/oauth/introspect");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Revocation_WithPrivateKeyJwt_RevokesTheClientsOwnToken()
    {
        using var issued = await PostAssertionAsync(_signer.Sign(AssertionSigner.Claims(PartnerId, Now)));
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        var claims = AssertionSigner.Claims(PartnerId, Now);
        claims["aud"] = IdentityTestHost.Issuer + "/oauth/revoke";

        using var response = await _host.PostFormAsync(
            [new("token", token), new("client_assertion_type", AssertionType), new("client_assertion", _signer.Sign(claims))], "/oauth/revoke");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await _host.IntrospectAsync(token)).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Token_Assertion_IsNeverLogged()
    {
        var good = _signer.Sign(AssertionSigner.Claims(PartnerId, Now));
        var bad = SignWithStrangerKey(AssertionSigner.Claims(PartnerId, Now));
        using (await PostAssertionAsync(good))
        using (await PostAssertionAsync(bad))
        using (await PostAssertionAsync(good))
        {
        }

        Assert.Contains(_host.Logs.Lines, l => l.Contains("[3005]", StringComparison.Ordinal));
        foreach (var signature in new[] { good, bad }.Select(a => a.Split('.')[2]))
        {
            Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(signature, StringComparison.Ordinal));
        }
    }

    /// <summary>Assertions naming the partner, signed by a key that is not its own: each is refused.</summary>
    private async Task PostForgedAssertionsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var forged = await PostAssertionAsync(SignWithStrangerKey(AssertionSigner.Claims(PartnerId, Now)));
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }
    }

    private string SignWithStrangerKey(Dictionary<string, object> claims)
    {
        using var stranger = AssertionSigner.Ec(_signer.KeyId);
        return stranger.Sign(claims);
    }

    private Task<HttpResponseMessage> PostAssertionAsync(string assertion, string? clientId = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"),
            new("client_assertion_type", AssertionType),
            new("client_assertion", assertion),
        };
        if (clientId is not null)
        {
            fields.Add(new("client_id", clientId));
        }

        return _host.PostFormAsync(fields);
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error, string? description)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(error, body.GetProperty("error").GetString());
        if (description is not null)
        {
            Assert.Contains(description, body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        }
    }
}
