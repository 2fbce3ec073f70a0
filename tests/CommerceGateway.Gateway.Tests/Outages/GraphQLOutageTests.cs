using System.Net;
using CommerceGateway.Gateway.Tests.GraphQL;
using CommerceGateway.Identity;

namespace CommerceGateway.Gateway.Tests.Outages;

/// <summary>
/// <c>/graphql</c> while its Redis is down or stalled: every bearer request gets the typed
/// STATE_STORE_UNAVAILABLE error (503 with application/graphql-response+json, 200 with
/// application/json, as GraphQL-over-HTTP asks), never the generic 500, never a token accepted
/// unchecked and never a 401 that would make the client drop a good token.
/// </summary>
public sealed class GraphQLOutageTests(StateStoreOutageFixture fixture) : IClassFixture<StateStoreOutageFixture>, IAsyncLifetime
{
    private const string StorefrontScopes = "catalog:read cart:write checkout:write";

    public Task InitializeAsync() => fixture.Redis.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CartBuyerUpdate_CachedTokenWhenRedisShutsDownMidCheckout_IsStateStoreUnavailable503ThenServedAgain()
    {
        using var host = fixture.NewGateway();
        using var api = await host.StorefrontAsync();
        var cartId = await MidCheckout.StartAsync(api);

        await fixture.Redis.ShutdownAsync();
        var refused = await OutageAnswer.GraphQLAsync(api.Http, MidCheckout.BuyerUpdate, new { id = cartId });
        var legacy = await OutageAnswer.GraphQLAsync(api.Http, MidCheckout.BuyerUpdate, new { id = cartId }, accept: "application/json");
        await fixture.Redis.StartAsync();
        var recovered = await OutageAnswer.EventuallyAsync(() => OutageAnswer.GraphQLAsync(api.Http, MidCheckout.CartCreate), a => a.Status == HttpStatusCode.OK);

        AssertStateStoreUnavailable(refused, HttpStatusCode.ServiceUnavailable, "application/graphql-response+json");
        Assert.Equal("5", refused.RetryAfter);
        AssertStateStoreUnavailable(legacy, HttpStatusCode.OK, "application/json");
        Assert.Equal(HttpStatusCode.OK, recovered.Status);
        Assert.Null(recovered.GraphQLCode);
        Assert.NotNull(recovered.Body.GetProperty("data").GetProperty("cartCreate").GetProperty("cart").GetProperty("id").GetString());
        Assert.DoesNotContain(host.App.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task CartBuyerUpdate_TokenNeverSeenBeforeTheOutage_IsStateStoreUnavailableNotAcceptedNorInvalid()
    {
        using var host = fixture.NewGateway();
        using var api = await host.StorefrontAsync();
        var cartId = await MidCheckout.StartAsync(api);
        // Issued but never presented, so it is not among the validated tokens the gateway remembers.
        var unseen = await host.App.GetTokenAsync(DemoClients.StorefrontId, DemoClients.StorefrontSecret, "cart:write");
        using var fresh = new CommerceApi(host.App.CreateAuthorizedClient(unseen));

        await fixture.Redis.ShutdownAsync();
        var refused = await OutageAnswer.GraphQLAsync(fresh.Http, MidCheckout.BuyerUpdate, new { id = cartId });
        await fixture.Redis.StartAsync();
        var recovered = await OutageAnswer.EventuallyAsync(() => OutageAnswer.GraphQLAsync(fresh.Http, MidCheckout.CartCreate), a => a.Status == HttpStatusCode.OK);

        AssertStateStoreUnavailable(refused, HttpStatusCode.ServiceUnavailable, "application/graphql-response+json");
        Assert.Equal(HttpStatusCode.OK, recovered.Status);
        Assert.Null(recovered.GraphQLCode);
    }

    [Fact]
    public async Task CartBuyerUpdate_RedisStalledLongerThanTheOperationTimeout_IsStateStoreUnavailableWithinTheTimeoutAndTheCheckoutContinues()
    {
        using var host = fixture.NewGateway();
        using var api = await host.StorefrontAsync();
        var cartId = await MidCheckout.StartAsync(api);

        Assert.Equal("+OK", await fixture.Redis.CommandAsync("CLIENT", "PAUSE", "4000", "ALL"));
        var refused = await OutageAnswer.GraphQLAsync(api.Http, MidCheckout.BuyerUpdate, new { id = cartId });
        var continued = await OutageAnswer.EventuallyAsync(() => OutageAnswer.GraphQLAsync(api.Http, MidCheckout.BuyerUpdate, new { id = cartId }), a => a.Status == HttpStatusCode.OK);

        AssertStateStoreUnavailable(refused, HttpStatusCode.ServiceUnavailable, "application/graphql-response+json");
        Assert.True(refused.Elapsed >= StateStoreOutageFixture.OperationTimeout - TimeSpan.FromMilliseconds(100), $"Answered after {refused.Elapsed}, before the store's {StateStoreOutageFixture.OperationTimeout} timeout: it did not wait for Redis.");
        Assert.Equal(HttpStatusCode.OK, continued.Status);
        Assert.Null(continued.GraphQLCode);
        var payload = continued.Body.GetProperty("data").GetProperty("cartBuyerUpdate");
        Assert.Equal(0, payload.GetProperty("userErrors").GetArrayLength());
        Assert.Equal(cartId, payload.GetProperty("cart").GetProperty("id").GetString());
    }

    private static void AssertStateStoreUnavailable(OutageAnswer answer, HttpStatusCode status, string mediaType)
    {
        Assert.True(answer.Status == status, $"Expected {(int)status}, got {(int)answer.Status}: {answer.Body}");
        Assert.Equal(mediaType, answer.ContentType);
        Assert.Equal("STATE_STORE_UNAVAILABLE", answer.GraphQLCode);
        Assert.False(answer.Body.TryGetProperty("data", out _), $"No data may be returned for a request whose token was not checked: {answer.Body}");
        Assert.Null(answer.WwwAuthenticate);
        Assert.True(answer.Elapsed < OutageAnswer.Bound, $"Answered after {answer.Elapsed}; the bound is {OutageAnswer.Bound}.");
    }
}
