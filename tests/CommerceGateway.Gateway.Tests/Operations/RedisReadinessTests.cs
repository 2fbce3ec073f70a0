using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.Operations;

/// <summary>Its own redis-server: the test stops it, which no other test may see.</summary>
public sealed class RedisReadinessTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Readyz_RedisDown_Is503NamingTheStateStoreThenReadyAgainAfterRestart()
    {
        using var app = new GatewayApp(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["StateStore:KeyPrefix"] = "readyz:",
        });
        var (before, beforeBody) = await Operations.ReadyzAsync(app);
        Assert.Equal(200, before);
        Assert.Equal("redis", beforeBody.GetProperty("checks").GetProperty("state-store").GetProperty("data").GetProperty("store").GetString());

        await redis.StopAsync();
        var (down, downBody) = await Operations.ReadyzAsync(app);

        Assert.Equal(503, down);
        Assert.Equal("Unhealthy", downBody.GetProperty("status").GetString());
        var store = downBody.GetProperty("checks").GetProperty("state-store");
        Assert.Equal("Unhealthy", store.GetProperty("status").GetString());
        Assert.Equal("The redis state store is unreachable.", store.GetProperty("description").GetString());

        await redis.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        int after;
        do
        {
            await Task.Delay(200);
            (after, _) = await Operations.ReadyzAsync(app);
        }
        while (after != 200 && DateTime.UtcNow < deadline);

        Assert.Equal(200, after);
    }
}
