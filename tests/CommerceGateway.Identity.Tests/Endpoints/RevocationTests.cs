using System.Net;
using CommerceGateway.Identity.Tests.Infrastructure;

namespace CommerceGateway.Identity.Tests.Endpoints;

public sealed class RevocationTests : IAsyncLifetime
{
    private IdentityTestHost _host = null!;

    public async Task InitializeAsync() => _host = await IdentityTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Revoke_OwnToken_Returns200AndApiRejectsIt()
    {
        var token = await _host.GetTokenAsync();
        Assert.Equal(200, (await _host.CallApiAsync(token)).Status);

        using var response = await RevokeAsync(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(401, (await _host.CallApiAsync(token)).Status);
    }

    [Fact]
    public async Task Revoke_AlreadyRevokedToken_Returns200()
    {
        var token = await _host.GetTokenAsync();
        using var first = await RevokeAsync(token);

        using var second = await RevokeAsync(token);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Theory]
    [InlineData("unknown-token")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30.c2ln")]
    public async Task Revoke_UnknownToken_Returns200(string token)
    {
        using var response = await RevokeAsync(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Revoke_TokenTypeHint_IsAccepted()
    {
        var token = await _host.GetTokenAsync();

        using var response = await _host.PostFormAsync(
            [new("token", token), new("token_type_hint", "refresh_token")], "/oauth/revoke", IdentityTestHost.Basic(TestClients.ShopId, TestClients.ShopSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await _host.IntrospectAsync(token)).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Revoke_AnotherClientsToken_IsRefusedAndTokenStaysValid()
    {
        var token = await _host.GetTokenAsync();

        using var response = await RevokeAsync(token, TestClients.OtherId, TestClients.OtherSecret);

        await TokenEndpointTests.AssertErrorAsync(response, HttpStatusCode.BadRequest, "unauthorized_client");
        Assert.Equal(200, (await _host.CallApiAsync(token)).Status);
    }

    [Fact]
    public async Task Revoke_WrongSecret_ReturnsInvalidClientAndTokenStaysValid()
    {
        var token = await _host.GetTokenAsync();

        using var response = await RevokeAsync(token, TestClients.ShopId, "wrong");

        await TokenEndpointTests.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Equal(200, (await _host.CallApiAsync(token)).Status);
    }

    [Fact]
    public async Task Revoke_RevocationEntry_ExpiresWithToken()
    {
        var store = new InMemoryRevokedTokenStore(_host.Time);
        await store.RevokeAsync("jti-1", _host.Time.GetUtcNow().AddMinutes(5), CancellationToken.None);
        Assert.True(await store.IsRevokedAsync("jti-1", CancellationToken.None));

        _host.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.False(await store.IsRevokedAsync("jti-1", CancellationToken.None));
        Assert.Equal(0, store.Count);
    }

    private Task<HttpResponseMessage> RevokeAsync(string token, string clientId = TestClients.ShopId, string secret = TestClients.ShopSecret) =>
        _host.PostFormAsync([new("token", token), new("client_id", clientId), new("client_secret", secret)], "/oauth/revoke");
}
