using System.Net;
using CommerceGateway.Gateway.Tests.Partners;

namespace CommerceGateway.Gateway.Tests.Outages;

/// <summary>
/// Partner routes (YARP) while Redis is down: the token cannot be checked against the revocation
/// list, so the request is not proxied, and the partner gets 503 ProblemDetails with Retry-After
/// rather than a 401 invalid_token that would make it throw the token away.
/// </summary>
public sealed class PartnerRouteOutageTests(StateStoreOutageFixture fixture) : IClassFixture<StateStoreOutageFixture>, IAsyncLifetime
{
    private const string Route = PartnerGateway.EchoPrefix + "orders/42";

    public Task InitializeAsync() => fixture.Redis.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EchoRoute_CachedTokenWhenRedisShutsDownMidCheckout_Is503ProblemDetailsWithRetryAfterThenProxiedAgain()
    {
        using var host = fixture.NewGateway();
        using var storefront = await host.StorefrontAsync();
        await MidCheckout.StartAsync(storefront);
        using var partner = await PartnerGateway.PartnerClientAsync(host.App);
        var before = await OutageAnswer.GetAsync(partner, Route);

        await fixture.Redis.ShutdownAsync();
        var refused = await OutageAnswer.GetAsync(partner, Route);
        await fixture.Redis.StartAsync();
        var recovered = await OutageAnswer.EventuallyAsync(() => OutageAnswer.GetAsync(partner, Route), a => a.Status == HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        AssertProblem503(refused);
        Assert.Equal(HttpStatusCode.OK, recovered.Status);
    }

    [Fact]
    public async Task EchoRoute_UnseenTokenWhenKeysAreDueForRefreshDuringTheOutage_Is503NotInvalidToken()
    {
        // Keys are re-read from Redis this often, so the outage hits the key read as well as the revocation check.
        using var host = fixture.NewGateway(new Dictionary<string, string?> { ["Identity:Keys:RefreshInterval"] = "00:00:00.200" });
        using var storefront = await host.StorefrontAsync();
        await MidCheckout.StartAsync(storefront);
        var token = await host.App.GetTokenAsync(scope: "partners:read", audience: "partners");
        using var partner = host.App.CreateAuthorizedClient(token);

        await fixture.Redis.ShutdownAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var refused = await OutageAnswer.GetAsync(partner, Route);

        AssertProblem503(refused);
    }

    private static void AssertProblem503(OutageAnswer answer)
    {
        Assert.True(answer.Status == HttpStatusCode.ServiceUnavailable, $"Expected 503, got {(int)answer.Status}: {answer.Body}");
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal("5", answer.RetryAfter);
        Assert.Null(answer.WwwAuthenticate);
        Assert.Equal("STATE_STORE_UNAVAILABLE", answer.Member("code"));
        Assert.Equal(503, answer.Body.GetProperty("status").GetInt32());
        Assert.False(answer.Body.TryGetProperty("path", out _), $"The request reached the backend: {answer.Body}");
        Assert.True(answer.Elapsed < OutageAnswer.Bound, $"Answered after {answer.Elapsed}; the bound is {OutageAnswer.Bound}.");
    }
}
