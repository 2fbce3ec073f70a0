using System.Net;
using CommerceGateway.Identity;

namespace CommerceGateway.Gateway.Tests.Outages;

/// <summary>
/// The identity endpoints while Redis is down: the OAuth endpoints answer RFC 6749's
/// temporarily_unavailable (503, Retry-After) and the JWKS document 503 ProblemDetails, instead of
/// the generic 500; once Redis is back, tokens are issued again.
/// </summary>
public sealed class IdentityOutageTests(StateStoreOutageFixture fixture) : IClassFixture<StateStoreOutageFixture>, IAsyncLifetime
{
    /// <summary>Keys are re-read from Redis this often, so issuing a token during the outage needs Redis.</summary>
    private static readonly Dictionary<string, string?> ShortKeyRefresh = new() { ["Identity:Keys:RefreshInterval"] = "00:00:00.200" };

    public Task InitializeAsync() => fixture.Redis.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task OAuthEndpoints_RedisShutDownMidCheckout_AnswerTemporarilyUnavailableThenIssueAgain()
    {
        using var host = fixture.NewGateway(ShortKeyRefresh);
        using var storefront = await host.StorefrontAsync();
        await MidCheckout.StartAsync(storefront);
        var token = await host.App.GetTokenAsync();
        using var http = host.App.CreateHttpClient();

        await fixture.Redis.ShutdownAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var issue = await OutageAnswer.PostFormAsync(http, "/oauth/token", TokenRequest());
        var alias = await OutageAnswer.PostFormAsync(http, "/connect/token", TokenRequest());
        var introspect = await OutageAnswer.PostFormAsync(http, "/oauth/introspect", WithToken(token));
        var revoke = await OutageAnswer.PostFormAsync(http, "/oauth/revoke", WithToken(token));
        await fixture.Redis.StartAsync();
        var reissued = await OutageAnswer.EventuallyAsync(() => OutageAnswer.PostFormAsync(http, "/oauth/token", TokenRequest()), a => a.Status == HttpStatusCode.OK);

        AssertTemporarilyUnavailable(issue);
        AssertTemporarilyUnavailable(alias);
        AssertTemporarilyUnavailable(introspect);
        AssertTemporarilyUnavailable(revoke);
        Assert.Equal(HttpStatusCode.OK, reissued.Status);
        Assert.NotNull(reissued.Member("access_token"));
    }

    [Fact]
    public async Task Jwks_RedisShutDownWhenKeysAreDueForRefresh_Is503ProblemDetailsThenServedAgain()
    {
        using var host = fixture.NewGateway(ShortKeyRefresh);
        using var http = host.App.CreateHttpClient();
        var before = await OutageAnswer.GetAsync(http, "/.well-known/jwks.json");

        await fixture.Redis.ShutdownAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var refused = await OutageAnswer.GetAsync(http, "/.well-known/jwks.json");
        await fixture.Redis.StartAsync();
        var recovered = await OutageAnswer.EventuallyAsync(() => OutageAnswer.GetAsync(http, "/.well-known/jwks.json"), a => a.Status == HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.True(refused.Status == HttpStatusCode.ServiceUnavailable, $"Expected 503, got {(int)refused.Status}: {refused.Body}");
        Assert.Equal("application/problem+json", refused.ContentType);
        Assert.Equal("5", refused.RetryAfter);
        Assert.Equal("STATE_STORE_UNAVAILABLE", refused.Member("code"));
        Assert.True(refused.Elapsed < OutageAnswer.Bound, $"Answered after {refused.Elapsed}; the bound is {OutageAnswer.Bound}.");
        Assert.Equal(HttpStatusCode.OK, recovered.Status);
        Assert.True(recovered.Body.GetProperty("keys").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Jwks_ConcurrentRequestsWhileRedisStallsAtAKeyRefresh_AllAnswer503WithinOneTimeout()
    {
        using var host = fixture.NewGateway(ShortKeyRefresh);
        using var http = host.App.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await OutageAnswer.GetAsync(http, "/.well-known/jwks.json")).Status);

        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal("+OK", await fixture.Redis.CommandAsync("CLIENT", "PAUSE", "8000", "ALL"));
        // The key refresh is shared: the requests that queue behind the first one's store read must
        // get its answer, not one store timeout each in turn.
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => OutageAnswer.GetAsync(http, "/.well-known/jwks.json")));
        Assert.Equal("+OK", await fixture.Redis.CommandAsync("CLIENT", "UNPAUSE"));

        Assert.All(answers, answer =>
        {
            Assert.True(answer.Status == HttpStatusCode.ServiceUnavailable, $"Expected 503, got {(int)answer.Status}: {answer.Body}");
            Assert.True(answer.Elapsed < OutageAnswer.Bound, $"Answered after {answer.Elapsed}; the bound is {OutageAnswer.Bound}.");
        });
    }

    [Fact]
    public async Task Gateway_StartedWhileRedisIsDown_StartsAnswersTokensTemporarilyUnavailableThenIssuesOnceRedisIsUp()
    {
        await fixture.Redis.ShutdownAsync();
        using var host = fixture.NewGateway();
        using var http = host.App.CreateHttpClient();

        var health = await OutageAnswer.GetAsync(http, "/healthz");
        var refused = await OutageAnswer.PostFormAsync(http, "/oauth/token", TokenRequest());
        await fixture.Redis.StartAsync();
        var issued = await OutageAnswer.EventuallyAsync(() => OutageAnswer.PostFormAsync(http, "/oauth/token", TokenRequest()), a => a.Status == HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, health.Status);
        AssertTemporarilyUnavailable(refused);
        Assert.Equal(HttpStatusCode.OK, issued.Status);
        Assert.NotNull(issued.Member("access_token"));
    }

    private static Dictionary<string, string> TokenRequest() => new()
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = DemoClients.PartnerId,
        ["client_secret"] = DemoClients.PartnerSecret,
    };

    private static Dictionary<string, string> WithToken(string token) => new()
    {
        ["token"] = token,
        ["client_id"] = DemoClients.PartnerId,
        ["client_secret"] = DemoClients.PartnerSecret,
    };

    private static void AssertTemporarilyUnavailable(OutageAnswer answer)
    {
        Assert.True(answer.Status == HttpStatusCode.ServiceUnavailable, $"Expected 503, got {(int)answer.Status}: {answer.Body}");
        Assert.Equal("application/json", answer.ContentType);
        Assert.Equal("temporarily_unavailable", answer.Member("error"));
        Assert.False(string.IsNullOrEmpty(answer.Member("error_description")));
        Assert.Equal("5", answer.RetryAfter);
        Assert.Null(answer.WwwAuthenticate);
        Assert.True(answer.Elapsed < OutageAnswer.Bound + TimeSpan.FromSeconds(1), $"Answered after {answer.Elapsed}; the bound is {OutageAnswer.Bound} plus the client secret check.");
    }
}
