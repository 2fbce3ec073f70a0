using CommerceGateway.Gateway.Tests.GraphQL;
using CommerceGateway.Identity;
using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.FrontDoors.Livescale;

/// <summary>Its own redis-server, which the test stops: an outage of the state store is the error model's 503, never a 500.</summary>
public sealed class LivescaleStateStoreOutageTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private readonly SandboxServer _sandbox = new();

    public Task InitializeAsync() => _sandbox.InitializeAsync();

    public Task DisposeAsync() => _sandbox.DisposeAsync();

    [Fact]
    public async Task StateStoreDown_IsA503StateStoreUnavailable_AndLivescaleSellsAgainOnceItIsBack()
    {
        using var host = new CommerceGatewayHost(_sandbox, redis.ConnectionString, keyPrefix: "lsfd:");
        var conformance = new LivescaleConformance();
        using var anonymous = new LivescaleShopper(host.App.CreateHttpClient().BaseAddress!, "orderflow-demo", conformance);
        var token = (await anonymous.RequestTokenAsync(DemoClients.LivescaleId, DemoClients.LivescaleSecret)).Body.GetProperty("access_token").GetString();
        using var shop = new LivescaleShopper(host.App.BaseUrl, "orderflow-demo", conformance, token);
        await shop.OkAsync(HttpMethod.Post, "customers/login", new { type = "guest" });
        var id = (await shop.OkAsync(HttpMethod.Post, "baskets", new[] { new { id = "1234", quantity = 1 } }, 201)).GetProperty("id").GetString();

        await redis.StopAsync();
        var down = await shop.SendAsync(HttpMethod.Put, $"baskets/{id}/customer", new { email = "ada@example.test" });
        await redis.StartAsync();
        // The test's redis-server keeps nothing across a restart, so Livescale starts a new session.
        var back = await RetryAsync(() => shop.SendAsync(HttpMethod.Post, "customers/login", new { type = "guest" }));
        var basket = await shop.OkAsync(HttpMethod.Post, "baskets", new[] { new { id = "1234", quantity = 1 } }, 201);

        Assert.Equal((503, "state_store_unavailable"), (down.Status, down.Error));
        Assert.NotNull(down.Headers.RetryAfter);
        Assert.Equal(200, back.Status);
        Assert.Equal("1234", Assert.Single(basket.GetProperty("items").EnumerateArray()).GetProperty("sku").GetString());
    }

    private static async Task<LivescaleAnswer> RetryAsync(Func<Task<LivescaleAnswer>> call)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        LivescaleAnswer answer;
        do
        {
            await Task.Delay(200);
            answer = await call();
        }
        while (answer.Status == 503 && DateTime.UtcNow < deadline);

        return answer;
    }
}
