using System.Net;
using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace CommerceGateway.Gateway.Tests.Partners;

/// <summary>A destination that is down is taken out of rotation, by probes and by failed requests.</summary>
public sealed class PartnerRouteHealthTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    [Fact]
    public async Task ActiveHealthCheck_DeadDestination_IsMarkedUnhealthyAndNoRequestGoesThere()
    {
        using var app = new GatewayApp(PoolSettings(new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:pool:HealthCheck:Active:Enabled"] = "true",
            ["ReverseProxy:Clusters:pool:HealthCheck:Active:Interval"] = "00:00:01",
            ["ReverseProxy:Clusters:pool:HealthCheck:Active:Timeout"] = "00:00:01",
            ["ReverseProxy:Clusters:pool:HealthCheck:Active:Policy"] = "ConsecutiveFailures",
            ["ReverseProxy:Clusters:pool:HealthCheck:Active:Path"] = "/",
            ["ReverseProxy:Clusters:pool:Metadata:ConsecutiveFailuresHealthPolicy.Threshold"] = "1",
        }));
        using var client = await PartnerGateway.PartnerClientAsync(app);
        var lookup = app.Services.GetRequiredService<IProxyStateLookup>();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Health(lookup, "dead").Active != DestinationHealth.Unhealthy && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var statuses = await SendAsync(client, 10);

        Assert.Equal(DestinationHealth.Unhealthy, Health(lookup, "dead").Active);
        Assert.Equal(DestinationHealth.Healthy, Health(lookup, "live").Active);
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task PassiveHealthCheck_DestinationFailingRequests_IsTakenOutOfRotation()
    {
        using var app = new GatewayApp(PoolSettings(new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:pool:HealthCheck:Passive:Enabled"] = "true",
            ["ReverseProxy:Clusters:pool:HealthCheck:Passive:Policy"] = "TransportFailureRate",
            ["ReverseProxy:Clusters:pool:HealthCheck:Passive:ReactivationPeriod"] = "00:05:00",
            ["ReverseProxy:Clusters:pool:Metadata:TransportFailureRateHealthPolicy.RateLimit"] = "0.3",
        }));
        using var client = await PartnerGateway.PartnerClientAsync(app);
        var lookup = app.Services.GetRequiredService<IProxyStateLookup>();

        // Round robin sends every other request to the dead destination until its failure rate counts.
        var early = await SendAsync(client, 24);
        var late = await SendAsync(client, 10);

        Assert.Contains(HttpStatusCode.BadGateway, early);
        Assert.Equal(DestinationHealth.Unhealthy, Health(lookup, "dead").Passive);
        Assert.All(late, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    private Dictionary<string, string?> PoolSettings(Dictionary<string, string?> health)
    {
        var extra = new Dictionary<string, string?>
        {
            ["ReverseProxy:Routes:pool:ClusterId"] = "pool",
            ["ReverseProxy:Routes:pool:Match:Path"] = "/partners/pool/{**rest}",
            ["ReverseProxy:Routes:pool:Metadata:Audience"] = "partners",
            ["ReverseProxy:Routes:pool:Metadata:Scope"] = "partners:read",
            ["ReverseProxy:Routes:pool:Transforms:0:PathPattern"] = "/_echo/{**rest}",
            ["ReverseProxy:Clusters:pool:LoadBalancingPolicy"] = "RoundRobin",
            ["ReverseProxy:Clusters:pool:Destinations:dead:Address"] = $"http://127.0.0.1:{FreePort.Next()}/",
            ["ReverseProxy:Clusters:pool:Destinations:live:Address"] = sandbox.BaseUrl.ToString(),
        };
        foreach (var (key, value) in health)
        {
            extra[key] = value;
        }

        return PartnerGateway.Settings(sandbox, extra);
    }

    private static DestinationHealthState Health(IProxyStateLookup lookup, string destination) =>
        lookup.TryGetCluster("pool", out var cluster) && cluster.Destinations.TryGetValue(destination, out var state)
            ? state.Health
            : throw new InvalidOperationException($"No destination {destination} in cluster pool.");

    private static async Task<List<HttpStatusCode>> SendAsync(HttpClient client, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync(new Uri($"/partners/pool/ping/{i}", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
