using System.Net;
using CommerceGateway.Testing;

namespace CommerceGateway.Sandbox.Tests.Spendgo;

/// <summary>The OAuth2 token endpoint and the Bearer check of the loyalty API.</summary>
public sealed class SpendgoAuthTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    [Fact]
    public async Task Token_ValidClient_IssuesABearerTokenForTheAccount()
    {
        using var http = new HttpClient { BaseAddress = sandbox.ProtocolUrl("spendgo") };

        var (status, body) = await SpendgoApi.TokenAsync(http, "spendgo-demo", "spendgo-demo-secret", "acct-demo");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        Assert.Equal("acct-demo", body.GetProperty("account_id").GetString());
    }

    [Theory]
    [InlineData("spendgo-demo", "wrong", "acct-demo", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("spendgo-demo", "spendgo-demo-secret", "acct-other", HttpStatusCode.BadRequest, "invalid_request")]
    public async Task Token_BadCredentials_AreRefusedWithAnOAuthError(string client, string secret, string account, HttpStatusCode expected, string error)
    {
        using var http = new HttpClient { BaseAddress = sandbox.ProtocolUrl("spendgo") };

        var (status, body) = await SpendgoApi.TokenAsync(http, client, secret, account);

        Assert.Equal(expected, status);
        Assert.Equal(error, body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Balance_WithoutAToken_Is401()
    {
        using var http = new HttpClient { BaseAddress = sandbox.ProtocolUrl("spendgo") };

        using var response = await http.GetAsync(new Uri("loyalty/accounts/sg-1001/balance", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rewards_WithoutAStore_IsRefused()
    {
        using var api = await SpendgoApi.ConnectAsync(sandbox);

        var (status, body) = await api.GetAsync("loyalty/accounts/sg-1001/rewards");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("store", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rewards_SeededMember_ListsTheRewardsOfTheStoreWithTheirRules()
    {
        using var api = await SpendgoApi.ConnectAsync(sandbox);

        var (status, body) = await api.GetAsync("loyalty/accounts/sg-1001/rewards?store=store-002");

        Assert.Equal(HttpStatusCode.OK, status);
        var rewards = body.GetProperty("rewards").EnumerateArray().ToList();
        Assert.Equal(["rw-5off", "rw-10pct", "rw-bank"], rewards.Select(r => r.GetProperty("reward_code").GetString()));
        Assert.Equal(10m, rewards[1].GetProperty("percent").GetDecimal());
        Assert.Equal(12.00m, rewards[2].GetProperty("available_amount").GetDecimal());
    }
}
