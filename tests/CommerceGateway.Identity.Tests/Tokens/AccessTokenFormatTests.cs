using CommerceGateway.Identity.Tests.Infrastructure;

namespace CommerceGateway.Identity.Tests.Tokens;

public sealed class AccessTokenFormatTests
{
    [Fact]
    public async Task Token_Header_IsAtJwtWithKidAndEs256ByDefault()
    {
        await using var host = await IdentityTestHost.StartAsync();

        var header = Jwt.Header(await host.GetTokenAsync());

        Assert.Equal("at+jwt", header.GetProperty("typ").GetString());
        Assert.Equal("ES256", header.GetProperty("alg").GetString());
        Assert.False(string.IsNullOrEmpty(header.GetProperty("kid").GetString()));
    }

    [Fact]
    public async Task Token_Rs256Configured_IsSignedWithRs256()
    {
        await using var host = await IdentityTestHost.StartAsync(s => s["Identity:Keys:Algorithm"] = "RS256");

        var token = await host.GetTokenAsync();

        Assert.Equal("RS256", Jwt.Header(token).GetProperty("alg").GetString());
        Assert.Equal(200, (await host.CallApiAsync(token)).Status);
    }

    [Fact]
    public async Task Token_Claims_FollowRfc9068()
    {
        await using var host = await IdentityTestHost.StartAsync();

        var payload = Jwt.Payload(await host.GetTokenAsync());

        var now = host.Time.GetUtcNow().ToUnixTimeSeconds();
        Assert.Equal(IdentityTestHost.Issuer, payload.GetProperty("iss").GetString());
        Assert.Equal(TestClients.ShopId, payload.GetProperty("sub").GetString());
        Assert.Equal(TestClients.ShopId, payload.GetProperty("client_id").GetString());
        Assert.Equal("api", payload.GetProperty("aud").GetString());
        Assert.Equal(now, payload.GetProperty("iat").GetInt64());
        Assert.Equal(now, payload.GetProperty("nbf").GetInt64());
        Assert.Equal(now + 3600, payload.GetProperty("exp").GetInt64());
        Assert.Equal("orders:read", payload.GetProperty("scope").GetString());
        Assert.True(payload.GetProperty("jti").GetString()!.Length >= 16);
    }

    [Fact]
    public async Task Token_TwoRequests_HaveDistinctJti()
    {
        await using var host = await IdentityTestHost.StartAsync();

        var first = Jwt.Payload(await host.GetTokenAsync()).GetProperty("jti").GetString();
        var second = Jwt.Payload(await host.GetTokenAsync()).GetProperty("jti").GetString();

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Token_ClientLifetimeOverride_SetsExpiresIn()
    {
        await using var host = await IdentityTestHost.StartAsync(s => s["Identity:Clients:other:AccessTokenLifetime"] = "00:05:00");

        var payload = Jwt.Payload(await host.GetTokenAsync(TestClients.OtherId, TestClients.OtherSecret));

        Assert.Equal(300, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
    }
}
