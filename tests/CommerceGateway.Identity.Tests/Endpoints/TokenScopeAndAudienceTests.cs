using System.Net;
using CommerceGateway.Identity.Tests.Infrastructure;

namespace CommerceGateway.Identity.Tests.Endpoints;

public sealed class TokenScopeAndAudienceTests : IAsyncLifetime
{
    private IdentityTestHost _host = null!;

    public async Task InitializeAsync() => _host = await IdentityTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Token_NoScope_GrantsDefaultScopes()
    {
        var token = await _host.GetTokenAsync();

        Assert.Equal("orders:read", Jwt.Payload(token).GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Token_AllowedScopeSubset_GrantsExactlyThose()
    {
        var token = await _host.GetTokenAsync(extra: ("scope", "orders:write"));

        Assert.Equal("orders:write", Jwt.Payload(token).GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Token_ScopeNotAllowed_ReturnsInvalidScope()
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials"), new("client_id", TestClients.ShopId), new("client_secret", TestClients.ShopSecret), new("scope", "orders:read admin")]);

        await TokenEndpointTests.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_scope");
    }

    [Fact]
    public async Task Token_ScopeAndScopesTogether_ReturnsInvalidRequest()
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials"), new("client_id", TestClients.ShopId), new("client_secret", TestClients.ShopSecret), new("scope", "orders:read"), new("scopes", "orders:read")]);

        await TokenEndpointTests.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Token_ClientWithoutScopes_OmitsScope()
    {
        var token = await _host.GetTokenAsync(TestClients.OtherId, TestClients.OtherSecret);

        Assert.False(Jwt.Payload(token).TryGetProperty("scope", out _));
    }

    [Fact]
    public async Task Token_NoAudience_UsesClientDefaultAudience()
    {
        var token = await _host.GetTokenAsync();

        Assert.Equal("api", Jwt.Payload(token).GetProperty("aud").GetString());
    }

    [Fact]
    public async Task Token_ResourceParameter_SetsAudience()
    {
        var token = await _host.GetTokenAsync(extra: ("resource", "orders-api"));

        Assert.Equal("orders-api", Jwt.Payload(token).GetProperty("aud").GetString());
    }

    [Fact]
    public async Task Token_TwoRegisteredResources_SetsBothAudiences()
    {
        var token = await _host.GetTokenAsync(extra: [("resource", "api"), ("resource", "orders-api")]);

        var audiences = Jwt.Payload(token).GetProperty("aud").EnumerateArray().Select(a => a.GetString()!).ToArray();
        Assert.Equal(["api", "orders-api"], audiences);
    }

    [Theory]
    [InlineData("audience", "livescale")]
    [InlineData("resource", "https://unknown.example")]
    [InlineData("audience", "orders-api-evil")]
    public async Task Token_UnregisteredAudience_ReturnsInvalidTargetWithoutToken(string parameter, string audience)
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials"), new("client_id", TestClients.ShopId), new("client_secret", TestClients.ShopSecret), new(parameter, audience)]);

        await TokenEndpointTests.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_target");
    }

    [Fact]
    public async Task Token_AudienceOfAnotherClient_ReturnsInvalidTarget()
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials"), new("client_id", TestClients.OtherId), new("client_secret", TestClients.OtherSecret), new("audience", "orders-api")]);

        await TokenEndpointTests.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_target");
    }
}
