using CommerceGateway.Identity.Tests.Infrastructure;

namespace CommerceGateway.Identity.Tests.Bearer;

public sealed class GatewayJwtBearerTests : IAsyncLifetime
{
    private IdentityTestHost _host = null!;

    public async Task InitializeAsync() => _host = await IdentityTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Bearer_IssuedToken_IsAccepted()
    {
        var token = await _host.GetTokenAsync();

        var (status, body) = await _host.CallApiAsync(token);

        Assert.Equal(200, status);
        Assert.Equal(TestClients.ShopId, body);
    }

    [Fact]
    public async Task Bearer_NoToken_Returns401()
    {
        using var response = await _host.Client.GetAsync("/whoami");

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task Bearer_ExpiredBeyondClockSkew_Returns401()
    {
        var token = await _host.GetTokenAsync();
        _host.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(31));

        Assert.Equal(401, (await _host.CallApiAsync(token)).Status);
    }

    [Fact]
    public async Task Bearer_AcceptedThenExpired_Returns401()
    {
        var token = await _host.GetTokenAsync();
        var first = await _host.CallApiAsync(token);
        var again = await _host.CallApiAsync(token);
        _host.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(31));

        // The second call was answered from the validated-token cache; expiry still ends it.
        Assert.Equal(200, first.Status);
        Assert.Equal(200, again.Status);
        Assert.Equal(401, (await _host.CallApiAsync(token)).Status);
    }

    [Fact]
    public async Task Bearer_ExpiredWithinClockSkew_IsAccepted()
    {
        var token = await _host.GetTokenAsync();
        _host.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(20));

        Assert.Equal(200, (await _host.CallApiAsync(token)).Status);
    }

    [Fact]
    public async Task Bearer_NotYetValid_Returns401()
    {
        var key = await TokenForge.RealKeyAsync(_host);
        var claims = TokenForge.ValidClaims(_host);
        claims["nbf"] = (long)claims["nbf"] + 120;
        claims["iat"] = claims["nbf"];

        Assert.Equal(401, (await _host.CallApiAsync(TokenForge.Sign(key.Credentials, claims))).Status);
    }

    [Fact]
    public async Task Bearer_ForgedWithRealKey_IsAccepted()
    {
        // Proves the forge signs like the issuer, so the rejections below are for the one changed thing.
        var key = await TokenForge.RealKeyAsync(_host);

        Assert.Equal(200, (await _host.CallApiAsync(TokenForge.Sign(key.Credentials, TokenForge.ValidClaims(_host)))).Status);
    }

    [Fact]
    public async Task Bearer_WrongAudience_Returns401()
    {
        var token = await _host.GetTokenAsync(extra: ("audience", "orders-api"));

        Assert.Equal(401, (await _host.CallApiAsync(token)).Status);
    }

    [Fact]
    public async Task Bearer_WrongIssuer_Returns401()
    {
        var key = await TokenForge.RealKeyAsync(_host);
        var claims = TokenForge.ValidClaims(_host);
        claims["iss"] = "http://evil.example";

        Assert.Equal(401, (await _host.CallApiAsync(TokenForge.Sign(key.Credentials, claims))).Status);
    }

    [Fact]
    public async Task Bearer_WrongType_Returns401()
    {
        var key = await TokenForge.RealKeyAsync(_host);

        Assert.Equal(401, (await _host.CallApiAsync(TokenForge.Sign(key.Credentials, TokenForge.ValidClaims(_host), type: "JWT"))).Status);
    }

    [Fact]
    public async Task Bearer_AlgNone_Returns401()
    {
        var key = await TokenForge.RealKeyAsync(_host);

        Assert.Equal(401, (await _host.CallApiAsync(TokenForge.Unsigned(key, TokenForge.ValidClaims(_host)))).Status);
    }

    [Fact]
    public async Task Bearer_Hs256SignedWithPublicKey_Returns401()
    {
        var key = await TokenForge.RealKeyAsync(_host);

        Assert.Equal(401, (await _host.CallApiAsync(TokenForge.SignedWithPublicKeyAsHmac(key, TokenForge.ValidClaims(_host)))).Status);
    }

    [Fact]
    public async Task Bearer_Hs256SignedWithRsaPublicKey_Returns401()
    {
        await using var host = await IdentityTestHost.StartAsync(s => s["Identity:Keys:Algorithm"] = "RS256");
        var key = await TokenForge.RealKeyAsync(host);

        Assert.Equal(401, (await host.CallApiAsync(TokenForge.SignedWithPublicKeyAsHmac(key, TokenForge.ValidClaims(host)))).Status);
    }

    [Fact]
    public async Task Bearer_UnknownKid_Returns401()
    {
        Assert.Equal(401, (await _host.CallApiAsync(TokenForge.Sign(TokenForge.UnknownKey(), TokenForge.ValidClaims(_host)))).Status);
    }

    [Fact]
    public async Task Bearer_TamperedPayload_Returns401()
    {
        var token = await _host.GetTokenAsync();
        var tampered = Jwt.Replace(token, payloadJson: Jwt.Json(Jwt.Payload(token), claims => claims["scope"] = "orders:read orders:write admin"));

        Assert.Equal(401, (await _host.CallApiAsync(tampered)).Status);
    }

    [Fact]
    public async Task Bearer_ScopePolicy_AllowsTokenWithScope()
    {
        var token = await _host.GetTokenAsync();

        Assert.Equal(200, (await _host.CallApiAsync(token, "/orders")).Status);
    }

    [Fact]
    public async Task Bearer_ScopePolicy_ForbidsTokenWithoutScope()
    {
        var token = await _host.GetTokenAsync(TestClients.OtherId, TestClients.OtherSecret);

        Assert.Equal(403, (await _host.CallApiAsync(token, "/orders")).Status);
    }
}
