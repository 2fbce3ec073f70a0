using System.Net;
using System.Text.Json;
using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Gateway.Tests.Partners;
using CommerceGateway.Testing;

namespace CommerceGateway.Gateway.Tests.Operations;

public sealed class OpenApiDocumentTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    [Fact]
    public async Task OpenApi_Document_DescribesIdentityHealthMetricsAndEachPartnerRouteUnderBearer()
    {
        using var app = new GatewayApp(PartnerGateway.Settings(sandbox));
        using var client = app.CreateHttpClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = document.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = root.GetProperty("paths");
        foreach (var path in new[] { "/oauth/token", "/connect/token", "/oauth/introspect", "/oauth/revoke", "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server", "/.well-known/jwks.json", "/healthz", "/readyz", "/metrics" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the document.");
        }

        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/sandbox", StringComparison.Ordinal));
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());

        var echo = paths.GetProperty("/partners/echo/{rest}").GetProperty("get");
        Assert.Equal("partners", echo.GetProperty("x-audience").GetString());
        Assert.Equal("partners:read", echo.GetProperty("x-scope").GetString());
        Assert.Equal(["partners:read"], echo.GetProperty("security")[0].GetProperty("Bearer").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("rest", echo.GetProperty("parameters")[0].GetProperty("name").GetString());

        // The read route owns GET; the catch-all write route (listed after it) describes the other methods.
        var guestManager = paths.GetProperty("/partners/guestmanager/{rest}");
        Assert.Equal("partners:read", guestManager.GetProperty("get").GetProperty("x-scope").GetString());
        Assert.Equal("partners:write", guestManager.GetProperty("post").GetProperty("x-scope").GetString());
        Assert.Equal("partners:write", paths.GetProperty("/partners/orderflow/{rest}").GetProperty("delete").GetProperty("x-scope").GetString());
    }

    [Fact]
    public async Task OpenApi_Disabled_Is404()
    {
        using var app = new GatewayApp(new Dictionary<string, string?> { ["Gateway:OpenApi:Enabled"] = "false" });
        using var client = app.CreateHttpClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
