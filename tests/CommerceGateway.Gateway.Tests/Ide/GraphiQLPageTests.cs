using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CommerceGateway.Gateway.Tests.Infrastructure;

namespace CommerceGateway.Gateway.Tests.Ide;

/// <summary>The GraphQL IDE page a browser gets at GET /graphql.</summary>
public sealed partial class GraphiQLPageTests
{
    [Fact]
    public async Task GetGraphQL_FromABrowser_ServesTheIdeWithItsOwnAssets()
    {
        using var app = new GatewayApp();
        using var client = app.CreateHttpClient();

        using var page = await client.SendAsync(BrowserRequest("/graphql"));
        var html = await page.Content.ReadAsStringAsync();
        var assets = AssetReference().Matches(html).Select(m => m.Groups["path"].Value).ToList();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("client_id=storefront", html, StringComparison.Ordinal);
        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            // Every script and stylesheet comes from the gateway itself, never a CDN.
            Assert.StartsWith("/graphiql/", asset, StringComparison.Ordinal);
            using var response = await client.GetAsync(new Uri(asset, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task GetGraphQL_InProductionConfiguration_ServesNoIde()
    {
        using var app = new GatewayApp(new Dictionary<string, string?> { ["Gateway:GraphiQL:Enabled"] = "false" });
        using var client = app.CreateHttpClient();

        using var page = await client.SendAsync(BrowserRequest("/graphql"));
        var body = await page.Content.ReadAsStringAsync();

        Assert.DoesNotContain("client_id=storefront", body, StringComparison.Ordinal);
        using var asset = await client.GetAsync(new Uri("/graphiql/index.html", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, asset.StatusCode);
    }

    private static HttpRequestMessage BrowserRequest(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xhtml+xml"));
        return request;
    }

    [GeneratedRegex("(?:src|href)=\"(?<path>/[^\"]+)\"")]
    private static partial Regex AssetReference();
}
