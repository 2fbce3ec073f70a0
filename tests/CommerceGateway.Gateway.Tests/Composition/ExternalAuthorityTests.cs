using System.Net;
using System.Text;
using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Identity;

namespace CommerceGateway.Gateway.Tests.Composition;

/// <summary>
/// <c>Gateway:Authentication:Authority</c> naming another issuer: the gateway accepts that issuer's
/// tokens, read from its metadata over HTTP, and no longer its own.
/// </summary>
public sealed class ExternalAuthorityTests
{
    private const string CartCreate = "{\"query\":\"mutation { cartCreate(channel: \\\"orderflow-demo\\\", currency: \\\"USD\\\") { cart { id } userErrors { code } } }\"}";

    [Fact]
    public async Task Authority_AnotherIssuer_AcceptsItsTokensAndRefusesOwn()
    {
        using var issuer = new GatewayApp();
        using var gateway = new GatewayApp(new Dictionary<string, string?> { ["Gateway:Authentication:Authority"] = issuer.Issuer });
        var foreignToken = await issuer.GetTokenAsync(DemoClients.StorefrontId, DemoClients.StorefrontSecret, scope: "cart:write");
        var ownToken = await gateway.GetTokenAsync(DemoClients.StorefrontId, DemoClients.StorefrontSecret, scope: "cart:write");

        using var accepted = await PostGraphQLAsync(gateway, foreignToken);
        using var refused = await PostGraphQLAsync(gateway, ownToken);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("\"cart\":{\"id\":", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostGraphQLAsync(GatewayApp app, string token)
    {
        using var client = app.CreateAuthorizedClient(token);
        using var content = new StringContent(CartCreate, Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri("/graphql", UriKind.Relative), content);
    }
}
