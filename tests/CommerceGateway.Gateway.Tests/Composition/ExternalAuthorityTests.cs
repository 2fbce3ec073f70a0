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

    [Fact]
    public async Task Authority_UnreachableAtStart_BearerCallsAre503WithRetryAfterNotInvalidToken_UntilItAnswers()
    {
        // Constructed, not started: nothing listens on the authority's port yet.
        using var issuer = new GatewayApp();
        using var gateway = new GatewayApp(new Dictionary<string, string?> { ["Gateway:Authentication:Authority"] = issuer.Issuer });
        using var client = gateway.CreateAuthorizedClient("eyJhbGciOiJFUzI1NiIsImtpZCI6ImsifQ.eyJzdWIiOiJ4In0.c2ln");

        using var graphQL = await PostGraphQLAsync(client);
        using var partner = await client.GetAsync(new Uri("/partners/orderflow/orders", UriKind.Relative));
        using var livescale = await client.GetAsync(new Uri("/livescale/orderflow-demo/catalogs", UriKind.Relative));
        var token = await issuer.GetTokenAsync(DemoClients.StorefrontId, DemoClients.StorefrontSecret, scope: "cart:write");
        using var recovered = await PostGraphQLAsync(gateway, token);

        await AssertUnavailableAsync(graphQL, "application/graphql-response+json", body => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code"), Outage);
        await AssertUnavailableAsync(partner, "application/problem+json", body => body.GetProperty("code"), Outage);
        await AssertUnavailableAsync(livescale, "application/json", body => body.GetProperty("error"), Outage.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Contains("\"cart\":{\"id\":", await recovered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private const string Outage = "IDENTITY_AUTHORITY_UNAVAILABLE";

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, string mediaType, Func<System.Text.Json.JsonElement, System.Text.Json.JsonElement> codeOf, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        // Not RFC 6750's invalid_token: the token may be good, and the client would throw it away.
        Assert.Empty(response.Headers.WwwAuthenticate);
        using var json = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal(code, codeOf(json.RootElement).GetString());
    }

    private static async Task<HttpResponseMessage> PostGraphQLAsync(GatewayApp app, string token)
    {
        using var client = app.CreateAuthorizedClient(token);
        return await PostGraphQLAsync(client);
    }

    private static async Task<HttpResponseMessage> PostGraphQLAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
        {
            Content = new StringContent(CartCreate, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        return await client.SendAsync(request);
    }
}
