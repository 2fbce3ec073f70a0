using System.Net;
using CommerceGateway.Identity.Tests.Infrastructure;

namespace CommerceGateway.Identity.Tests.Endpoints;

public sealed class IntrospectionTests : IAsyncLifetime
{
    private IdentityTestHost _host = null!;

    public async Task InitializeAsync() => _host = await IdentityTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Introspect_LiveToken_IsActiveWithClaims()
    {
        var token = await _host.GetTokenAsync(extra: ("scope", "orders:read orders:write"));

        var result = await _host.IntrospectAsync(token, TestClients.OtherId, TestClients.OtherSecret);

        Assert.True(result.GetProperty("active").GetBoolean());
        Assert.Equal("orders:read orders:write", result.GetProperty("scope").GetString());
        Assert.Equal(TestClients.ShopId, result.GetProperty("client_id").GetString());
        Assert.Equal(TestClients.ShopId, result.GetProperty("sub").GetString());
        Assert.Equal("Bearer", result.GetProperty("token_type").GetString());
        Assert.Equal("api", result.GetProperty("aud").GetString());
        Assert.Equal(IdentityTestHost.Issuer, result.GetProperty("iss").GetString());
        Assert.Equal(Jwt.Payload(token).GetProperty("exp").GetInt64(), result.GetProperty("exp").GetInt64());
        Assert.Equal(Jwt.Payload(token).GetProperty("jti").GetString(), result.GetProperty("jti").GetString());
    }

    [Fact]
    public async Task Introspect_ExpiredToken_IsInactive()
    {
        var token = await _host.GetTokenAsync();
        _host.Time.Advance(TimeSpan.FromHours(1));

        var result = await _host.IntrospectAsync(token);

        Assert.False(result.GetProperty("active").GetBoolean());
        Assert.Single(result.EnumerateObject());
    }

    [Fact]
    public async Task Introspect_RevokedToken_IsInactive()
    {
        var token = await _host.GetTokenAsync();
        using var revoke = await _host.PostFormAsync(
            [new("token", token), new("client_id", TestClients.ShopId), new("client_secret", TestClients.ShopSecret)], "/oauth/revoke");

        var result = await _host.IntrospectAsync(token);

        Assert.False(result.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Introspect_TokenFromAnotherIssuerInstance_IsInactive()
    {
        await using var foreign = await IdentityTestHost.StartAsync();
        var token = await foreign.GetTokenAsync();

        var result = await _host.IntrospectAsync(token);

        Assert.False(result.GetProperty("active").GetBoolean());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJzaG9wIn0.")]
    public async Task Introspect_GarbageToken_IsInactive(string token)
    {
        var result = await _host.IntrospectAsync(token);

        Assert.False(result.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Introspect_WithoutClientAuthentication_ReturnsInvalidClient()
    {
        var token = await _host.GetTokenAsync();

        using var response = await _host.PostFormAsync([new("token", token)], "/oauth/introspect");

        await TokenEndpointTests.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Introspect_ByBasic_IsActive()
    {
        var token = await _host.GetTokenAsync();

        using var response = await _host.PostFormAsync([new("token", token)], "/oauth/introspect", IdentityTestHost.Basic(TestClients.OtherId, TestClients.OtherSecret));

        Assert.Contains("\"active\":true", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Introspect_MissingToken_ReturnsInvalidRequest()
    {
        using var response = await _host.PostFormAsync(
            [new("client_id", TestClients.ShopId), new("client_secret", TestClients.ShopSecret)], "/oauth/introspect");

        await TokenEndpointTests.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }
}
