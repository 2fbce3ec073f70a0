using System.Net;
using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.Partners;

/// <summary>Routes come from configuration: checked at start-up, and changed without a restart.</summary>
public sealed class PartnerRouteConfigurationTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    [Theory]
    [InlineData("ReverseProxy:Routes:echo:Match:Path", "/admin/{**rest}", "ReverseProxy:Routes:echo:Match:Path must start with \"/partners/{channel}\"")]
    [InlineData("ReverseProxy:Routes:echo:Metadata:Scope", "", "ReverseProxy:Routes:echo:Metadata:Scope is required")]
    [InlineData("ReverseProxy:Routes:echo:Metadata:Audience", " ", "ReverseProxy:Routes:echo:Metadata:Audience is required")]
    [InlineData("ReverseProxy:Routes:echo:AuthorizationPolicy", "anonymous", "ReverseProxy:Routes:echo:AuthorizationPolicy must be left out")]
    [InlineData("ReverseProxy:Routes:echo:RateLimiterPolicy", "disable", "ReverseProxy:Routes:echo:RateLimiterPolicy must be left out")]
    [InlineData("ReverseProxy:Routes:echo:Metadata:UpstreamCredential", "nowhere:ApiKey", "names Channels:nowhere:Credentials:ApiKey, which is not set")]
    [InlineData("Gateway:Partners:PermitLimit", "0", "Gateway:Partners:PermitLimit must be at least 1")]
    public void Start_WithAnUnsafeRoute_FailsNamingTheKey(string key, string value, string expected)
    {
        using var app = new GatewayApp(PartnerGateway.Settings(sandbox, new Dictionary<string, string?> { [key] = value }));

        var failure = Record.Exception(() => app.StartServer());

        Assert.NotNull(failure);
        Assert.Contains(expected, Describe(failure), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_NewRoute_IsServedWithoutARestartAndAnUnsafeChangeIsRefused()
    {
        var reloadable = new ReloadableConfiguration();
        using var app = new GatewayApp(PartnerGateway.Settings(sandbox), configuration: reloadable);
        using var client = await PartnerGateway.PartnerClientAsync(app);
        var path = new Uri("/partners/late/hello", UriKind.Relative);
        using var before = await client.GetAsync(path);

        reloadable.Set(new Dictionary<string, string?>
        {
            ["ReverseProxy:Routes:late:ClusterId"] = "late",
            ["ReverseProxy:Routes:late:Match:Path"] = "/partners/late/{**rest}",
            ["ReverseProxy:Routes:late:Metadata:Audience"] = "partners",
            ["ReverseProxy:Routes:late:Metadata:Scope"] = "partners:read",
            ["ReverseProxy:Routes:late:Transforms:0:PathPattern"] = "/_echo/{**rest}",
            ["ReverseProxy:Clusters:late:Destinations:sandbox:Address"] = sandbox.BaseUrl.ToString(),
        });
        var after = await EventuallyAsync(client, path, HttpStatusCode.OK);

        // Opening the route to everyone is refused: the previous, protected route stays in force.
        reloadable.Set(new Dictionary<string, string?> { ["ReverseProxy:Routes:late:AuthorizationPolicy"] = "anonymous" });
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        using var anonymous = app.CreateHttpClient();
        using var unauthenticated = await anonymous.GetAsync(path);
        using var stillServed = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillServed.StatusCode);
    }

    private static async Task<HttpStatusCode> EventuallyAsync(HttpClient client, Uri path, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        HttpStatusCode last;
        do
        {
            using var response = await client.GetAsync(path);
            last = response.StatusCode;
            if (last == wanted)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return last;
    }

    private static string Describe(Exception failure) => failure switch
    {
        AggregateException aggregate => string.Join("\n", aggregate.InnerExceptions.Select(Describe)),
        _ => failure.Message + (failure.InnerException is null ? string.Empty : "\n" + Describe(failure.InnerException)),
    };
}
