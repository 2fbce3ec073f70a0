using System.Net;
using CommerceGateway.Identity.Tests.Infrastructure;

namespace CommerceGateway.Identity.Tests.RateLimiting;

public sealed class FailedAuthenticationLimitTests : IAsyncLifetime
{
    private IdentityTestHost _host = null!;

    public async Task InitializeAsync() => _host = await IdentityTestHost.StartAsync(s => s["Identity:RateLimiting:FailuresPerAddress"] = "8");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Token_FailuresOverClientLimit_Returns429WithRetryAfter()
    {
        for (var i = 0; i < 5; i++)
        {
            using var failed = await RequestAsync(TestClients.ShopId, "wrong");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var response = await RequestAsync(TestClients.ShopId, "wrong");

        await Endpoints.TokenEndpointTests.AssertErrorAsync(response, HttpStatusCode.TooManyRequests, "invalid_client");
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Token_BlockedClientWithNewCorrectSecret_IsStillRefused()
    {
        await FailAsync(TestClients.ShopId, 5);

        using var response = await RequestAsync(TestClients.ShopId, TestClients.ShopSecret);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task Token_ClientThatAuthenticatedBefore_IsNotSlowedByFailuresOnItsId()
    {
        using (var first = await RequestAsync(TestClients.ShopId, TestClients.ShopSecret))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await FailAsync(TestClients.ShopId, 5);

        using var response = await RequestAsync(TestClients.ShopId, TestClients.ShopSecret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_AnotherClientsFailures_DoNotAffectThisClient()
    {
        await FailAsync(TestClients.ShopId, 6);

        using var response = await RequestAsync(TestClients.OtherId, TestClients.OtherSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_AfterWindow_ClientMayTryAgain()
    {
        await FailAsync(TestClients.ShopId, 5);
        using (var blocked = await RequestAsync(TestClients.ShopId, TestClients.ShopSecret))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        }

        _host.Time.Advance(TimeSpan.FromSeconds(60));

        using var response = await RequestAsync(TestClients.ShopId, TestClients.ShopSecret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_FailuresOverAddressLimit_BlockThatAddressOnly()
    {
        for (var i = 0; i < 8; i++)
        {
            using var failed = await RequestAsync($"guess-{i}", "wrong", "10.0.0.1");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var blocked = await RequestAsync("guess-next", "wrong", "10.0.0.1");
        using var elsewhere = await RequestAsync("guess-next", "wrong", "10.0.0.2");

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Introspect_FailuresCountTowardsTheSameLimit()
    {
        await FailAsync(TestClients.ShopId, 5);

        using var response = await _host.PostFormAsync(
            [new("token", "x"), new("client_id", TestClients.ShopId), new("client_secret", "wrong")], "/oauth/introspect");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    private async Task FailAsync(string clientId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await RequestAsync(clientId, "wrong");
        }
    }

    private Task<HttpResponseMessage> RequestAsync(string clientId, string secret, string? remoteAddress = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret)]),
        };
        if (remoteAddress is not null)
        {
            request.Headers.Add(IdentityTestHost.RemoteAddressHeader, remoteAddress);
        }

        return _host.Client.SendAsync(request);
    }
}
