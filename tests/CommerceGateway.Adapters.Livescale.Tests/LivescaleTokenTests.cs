using CommerceGateway.Adapters.Livescale.Tests.Infrastructure;
using CommerceGateway.Testing;

namespace CommerceGateway.Adapters.Livescale.Tests;

/// <summary>Step 1 of the flow: a token with audience=livescale, and a new token after any auth error.</summary>
public sealed class LivescaleTokenTests(FakeClockSandboxServer sandbox) : IClassFixture<FakeClockSandboxServer>
{
    private static CancellationToken Ct => LivescaleTestBackend.Bounded;

    [Fact]
    public async Task Calls_ReuseOneTokenAcrossCarts()
    {
        using var channel = new LivescaleTestBackend(sandbox);

        await channel.Backend.CreateCartAsync(new CartCreation("cart-a", CurrencyCode.Usd), Ct);
        await channel.Backend.CreateCartAsync(new CartCreation("cart-b", CurrencyCode.Usd), Ct);

        Assert.Single(channel.Traffic.Exchanges, e => e.Path == "oauth/token");
        Assert.Equal(2, channel.Traffic.Exchanges.Count(e => e.Path == "customers/login"));
    }

    [Fact]
    public async Task Token_Request_SendsClientCredentialsWithAudienceLivescale()
    {
        using var channel = new LivescaleTestBackend(sandbox);

        await channel.Backend.CreateCartAsync(new CartCreation("cart-audience", CurrencyCode.Usd), Ct);

        var sent = System.Web.HttpUtility.ParseQueryString(channel.Traffic.Exchanges.Single(e => e.Path == "oauth/token").RequestBody!);
        Assert.Equal("client_credentials", sent["grant_type"]);
        Assert.Equal("livescale", sent["audience"]);
        Assert.Equal(LivescaleTestBackend.UsClientId, sent["client_id"]);
    }

    [Fact]
    public async Task AnyCall_TokenEndpointRefusedOnce_NextCallFetchesANewToken()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        channel.Traffic.InjectFault((m, p) => p == "oauth/token", "status=401");

        await Assert.ThrowsAsync<BackendUnavailableException>(() => channel.Backend.CreateCartAsync(new CartCreation("cart-token-refused", CurrencyCode.Usd), Ct));
        var cart = await channel.Backend.CreateCartAsync(new CartCreation("cart-token-again", CurrencyCode.Usd), Ct);

        Assert.Empty(cart.Lines);
        Assert.Equal([401, 200], channel.Traffic.Exchanges.Where(e => e.Path == "oauth/token").Select(e => e.Status));
    }

    [Fact]
    public async Task AnyCall_TokenExpiredAtTheMerchant_FetchesANewTokenAndReplaysOnce()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await channel.Backend.CreateCartAsync(new CartCreation("cart-expiry", CurrencyCode.Usd), Ct);

        // The merchant's clock passes the token's lifetime; the adapter still holds the token.
        sandbox.Clock.Advance(TimeSpan.FromHours(2));
        cart = await channel.Backend.AddLinesAsync(cart, [new("CAP-RED", 1)], Ct);

        Assert.Single(cart.Lines);
        Assert.Equal(["oauth/token", "customers/login", "baskets", "items", "oauth/token", "items"], channel.Traffic.Exchanges.Select(e => e.Path.Split('/')[^1] == "items" ? "items" : e.Path));
        Assert.Equal([200, 200, 201, 401, 200, 200], channel.Traffic.Exchanges.Select(e => e.Status));
    }

    [Fact]
    public async Task CreateCart_TokenExpired_LogsInAgainWithTheNewToken()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        await channel.Backend.CreateCartAsync(new CartCreation("cart-warm", CurrencyCode.Usd), Ct);
        sandbox.Clock.Advance(TimeSpan.FromHours(2));

        var cart = await channel.Backend.CreateCartAsync(new CartCreation("cart-relogin", CurrencyCode.Usd), Ct);

        Assert.Empty(cart.Lines);
        Assert.Equal(2, channel.Traffic.Exchanges.Count(e => e.Path == "oauth/token"));
        Assert.Equal(
            [("customers/login", 401), ("oauth/token", 200), ("customers/login", 200), ("baskets", 201)],
            channel.Traffic.Exchanges.Skip(3).Select(e => (e.Path, e.Status)));
    }

    [Fact]
    public async Task AnyCall_MerchantRefusesEveryToken_RaisesUnavailableAfterOneReplay()
    {
        using var channel = new LivescaleTestBackend(sandbox);
        var cart = await channel.Backend.CreateCartAsync(new CartCreation("cart-refused", CurrencyCode.Usd), Ct);
        channel.Traffic.InjectFault((m, p) => p.EndsWith("/items", StringComparison.Ordinal), "status=401");
        channel.Traffic.InjectFault((m, p) => p.EndsWith("/items", StringComparison.Ordinal), "status=401");

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => channel.Backend.AddLinesAsync(cart, [new("CAP-RED", 1)], Ct));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(2, channel.Traffic.Exchanges.Count(e => e.Path.EndsWith("/items", StringComparison.Ordinal)));
        Assert.Equal(2, channel.Traffic.Exchanges.Count(e => e.Path == "oauth/token"));
    }
}
