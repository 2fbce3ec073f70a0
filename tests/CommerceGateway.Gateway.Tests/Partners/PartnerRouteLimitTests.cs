using System.Globalization;
using System.Net;
using System.Text.Json;
using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Identity;
using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.Partners;

/// <summary>Rate limits, body limits and timeouts of partner routes, against the real sandbox.</summary>
public sealed class PartnerRouteLimitTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    private const string SecondPartner = "partner-two";
    private const string SecondSecret = "second-partner-secret";

    [Fact]
    public async Task PartnerRoute_OverTheClientsRateLimit_Is429WithRetryAfterAndSparesOtherClients()
    {
        using var app = new GatewayApp(PartnerGateway.Settings(sandbox, new Dictionary<string, string?>
        {
            ["Gateway:Partners:PermitLimit"] = "3",
            ["Gateway:Partners:Window"] = "00:01:00",
            [$"Identity:Clients:{SecondPartner}:SecretHash"] = ClientSecretHasher.Hash(SecondSecret, 1000),
            [$"Identity:Clients:{SecondPartner}:Audiences:0"] = "partners",
            [$"Identity:Clients:{SecondPartner}:AllowedScopes:0"] = "partners:read",
            [$"Identity:Clients:{SecondPartner}:DefaultScopes:0"] = "partners:read",
        }));
        using var first = await PartnerGateway.PartnerClientAsync(app);
        using var second = app.CreateAuthorizedClient(await app.GetTokenAsync(SecondPartner, SecondSecret, audience: "partners"));
        var path = new Uri("/partners/echo/limited", UriKind.Relative);

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await first.GetAsync(path);
            allowed.Add(ok.StatusCode);
        }

        using var refused = await first.GetAsync(path);
        using var other = await second.GetAsync(path);

        Assert.All(allowed, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task PartnerRoute_BodyOverTheLimit_Is413AndNeverReachesTheBackend()
    {
        using var app = new GatewayApp(PartnerGateway.Settings(sandbox, new Dictionary<string, string?>
        {
            ["Gateway:Partners:MaxRequestBodySize"] = "1024",
        }));
        using var client = await PartnerGateway.PartnerClientAsync(app);

        using var small = await client.PostAsync(new Uri("/partners/echo/upload", UriKind.Relative), new ByteArrayContent(new byte[512]));
        using var large = await client.PostAsync(new Uri("/partners/echo/upload", UriKind.Relative), new ByteArrayContent(new byte[4096]));

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
    }

    [Fact]
    public async Task PartnerRoute_BackendSlowerThanTheRouteTimeout_Is504WithinTheBound()
    {
        using var app = new GatewayApp(PartnerGateway.Settings(sandbox, new Dictionary<string, string?>
        {
            ["Gateway:Partners:Timeout"] = "00:00:01",
        }));
        using var client = await PartnerGateway.PartnerClientAsync(app);
        using var slow = new HttpRequestMessage(HttpMethod.Get, "/partners/echo/slow");
        slow.Headers.Add("X-Sandbox-Fault", "latency=5000");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        using var response = await client.SendAsync(slow);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.Elapsed}");
    }
}
