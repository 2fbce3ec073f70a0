using System.Net;
using System.Text.Json;
using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.Composition;

public sealed class GatewayCompositionTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Start_OnEmbeddedDefaults_ServesIdentityMetadataAndSandbox()
    {
        using var app = new GatewayApp();
        using var client = app.CreateHttpClient();

        using var metadata = JsonDocument.Parse(await client.GetStringAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative)));
        using var sandbox = await client.GetAsync(new Uri("/sandbox/", UriKind.Relative));

        Assert.Equal(app.Issuer, metadata.RootElement.GetProperty("issuer").GetString());
        Assert.Equal(HttpStatusCode.OK, sandbox.StatusCode);
        using var sandboxBody = JsonDocument.Parse(await sandbox.Content.ReadAsStringAsync());
        Assert.Equal("CommerceGateway.Sandbox", sandboxBody.RootElement.GetProperty("service").GetString());
    }

    [Fact]
    public async Task Start_InProductionConfiguration_LeavesSandboxOff()
    {
        using var app = new GatewayApp(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString, ["StateStore:KeyPrefix"] = "prod-off:" }, environment: "Production");
        using var client = app.CreateHttpClient();

        using var sandbox = await client.GetAsync(new Uri("/sandbox/", UriKind.Relative));
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, sandbox.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public void Start_InProductionWithoutIssuer_FailsNamingTheKey()
    {
        using var app = new GatewayApp(new Dictionary<string, string?> { ["Identity:Issuer"] = "", ["ConnectionStrings:Redis"] = redis.ConnectionString }, environment: "Production");

        var failure = Record.Exception(() => app.StartServer());

        Assert.NotNull(failure);
        Assert.Contains("Identity:Issuer is required", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithMalformedSandboxPath_FailsNamingTheKey()
    {
        using var app = new GatewayApp(new Dictionary<string, string?> { ["Gateway:Sandbox:Path"] = "sandbox/" });

        var failure = Record.Exception(() => app.StartServer());

        Assert.NotNull(failure);
        Assert.Contains("Gateway:Sandbox:Path must be a path such as \"/sandbox\" (starts with '/', no trailing '/'), but is \"sandbox/\".", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithChannelOfUnregisteredAdapter_FailsNamingTheKey()
    {
        using var app = new GatewayApp(new Dictionary<string, string?>
        {
            ["Channels:shop:Adapter"] = "nosuchkind",
            ["Channels:shop:BaseUrl"] = "http://127.0.0.1:9/",
        });

        var failure = Record.Exception(() => app.StartServer());

        Assert.NotNull(failure);
        Assert.Contains("Channels:shop:Adapter 'nosuchkind' is not a registered adapter.", failure.ToString(), StringComparison.Ordinal);
    }
}
