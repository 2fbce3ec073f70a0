using CommerceGateway.Adapters;
using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.Gateway.Tests.Operations;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_OnDefaults_IsReadyAndListsStateStoreKeysAndEachChannelsCircuit()
    {
        using var app = new GatewayApp();

        var (status, body) = await Operations.ReadyzAsync(app);

        Assert.Equal(200, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("state-store").GetProperty("status").GetString());
        Assert.Equal("in-memory", checks.GetProperty("state-store").GetProperty("data").GetProperty("store").GetString());
        Assert.Equal("Healthy", checks.GetProperty("identity-keys").GetProperty("status").GetString());
        Assert.StartsWith("Signing with key ", checks.GetProperty("identity-keys").GetProperty("description").GetString(), StringComparison.Ordinal);
        var channels = checks.GetProperty("channels").GetProperty("data");
        Assert.Equal("closed", channels.GetProperty("orderflow-demo").GetString());
        Assert.Equal("closed", channels.GetProperty("guestmanager-demo").GetString());
    }

    [Fact]
    public async Task Readyz_ChannelWhoseBackendKeepsFailing_ReportsItsCircuitOpenAndStaysReady()
    {
        var deadPort = FreePort.Next();
        using var app = new GatewayApp(new Dictionary<string, string?>
        {
            ["Channels:dead:Adapter"] = "orderflow",
            ["Channels:dead:BaseUrl"] = $"http://127.0.0.1:{deadPort}/",
            ["Channels:dead:Currency"] = "USD",
            ["Channels:dead:Resilience:MaxRetryAttempts"] = "0",
            ["Channels:dead:Resilience:CircuitBreakerMinimumThroughput"] = "2",
            ["Channels:dead:Resilience:CircuitBreakerFailureRatio"] = "0.5",
            ["Channels:dead:Resilience:CircuitBreakerBreakDuration"] = "00:01:00",
        });
        using var client = app.CreateHttpClient();
        var backend = app.Services.GetRequiredService<IChannelRegistry>().GetCommerceBackend("dead");

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<BackendUnavailableException>(() =>
                backend.CreateCartAsync(new CartCreation("cart_" + Guid.NewGuid().ToString("N"), CurrencyCode.Usd), Operations.Bounded));
        }

        var (status, body) = await Operations.ReadyzAsync(app);

        // One backend down is the same for every replica: reported, but the gateway stays in rotation.
        Assert.Equal(200, status);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        var channels = body.GetProperty("checks").GetProperty("channels");
        Assert.Equal("Degraded", channels.GetProperty("status").GetString());
        Assert.Equal("open", channels.GetProperty("data").GetProperty("dead").GetString());
        Assert.Equal("closed", channels.GetProperty("data").GetProperty("orderflow-demo").GetString());
        Assert.Contains("dead (open)", channels.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
