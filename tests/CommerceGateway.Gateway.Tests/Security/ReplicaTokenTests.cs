using System.Net;
using System.Text.Json;
using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Gateway.Tests.Partners;
using CommerceGateway.Identity;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommerceGateway.Gateway.Tests.Security;

/// <summary>
/// Two gateways on one redis-server behind one public issuer, as two replicas behind a load balancer:
/// a token, a revocation and a key rotation made on one hold on the other, each validated in process
/// from the shared state store (no call between replicas).
/// </summary>
public sealed class ReplicaTokenTests(RedisServer redis, SandboxServer sandbox) : IClassFixture<RedisServer>, IClassFixture<SandboxServer>
{
    private const string PublicIssuer = "https://gateway.replicas.test";
    private const string Route = PartnerGateway.EchoPrefix + "orders/7";

    [Fact]
    public async Task TokenIssuedByOneReplica_IsAcceptedAndIntrospectedActiveByTheOther()
    {
        using var first = Replica("accept:");
        using var second = Replica("accept:");
        var token = await PartnerTokenAsync(first);

        using var partner = second.CreateAuthorizedClient(token);
        using var response = await partner.GetAsync(new Uri(Route, UriKind.Relative));
        var introspection = await IntrospectAsync(second, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(introspection.GetProperty("active").GetBoolean());
        Assert.Equal(PublicIssuer, introspection.GetProperty("iss").GetString());
    }

    [Fact]
    public async Task TokenRevokedOnOneReplica_IsRefusedByTheOtherOnItsNextRequest()
    {
        using var first = Replica("revoke:");
        using var second = Replica("revoke:");
        var token = await PartnerTokenAsync(first);
        using var partner = second.CreateAuthorizedClient(token);
        // Accepted (and its signature remembered) on the second replica before the revocation.
        using var before = await partner.GetAsync(new Uri(Route, UriKind.Relative));

        using var revoked = await PostFormAsync(first, "/oauth/revoke", new() { ["token"] = token });
        using var after = await partner.GetAsync(new Uri(Route, UriKind.Relative));
        var introspection = await IntrospectAsync(second, token);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("error=\"invalid_token\"", after.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.False(introspection.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task KeyRotatedOnOneReplica_SignsTokensTheOtherAccepts()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var keys = new Dictionary<string, string?>
        {
            ["Identity:Keys:RotationInterval"] = "02:00:00",
            ["Identity:Keys:PublishAhead"] = "00:10:00",
            ["Identity:Keys:RefreshInterval"] = "01:00:00",
        };
        using var first = Replica("rotate:", keys, clock);
        using var second = Replica("rotate:", keys, clock);
        var before = await PartnerTokenAsync(first);
        using (var accepted = await second.CreateAuthorizedClient(before).GetAsync(new Uri(Route, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        // The first replica publishes a successor ten minutes before its rotation is due and signs with it
        // from then on; the second last read the keys before the successor existed.
        clock.Advance(TimeSpan.FromMinutes(111));
        using (await PostFormAsync(first, "/oauth/token", new() { ["grant_type"] = "client_credentials" }))
        {
        }

        clock.Advance(TimeSpan.FromMinutes(15));
        var after = await PartnerTokenAsync(first);
        using var partner = second.CreateAuthorizedClient(after);
        using var response = await partner.GetAsync(new Uri(Route, UriKind.Relative));

        Assert.NotEqual(KeyId(before), KeyId(after));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private GatewayApp Replica(string prefix, IDictionary<string, string?>? extra = null, TimeProvider? clock = null)
    {
        var settings = new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>())
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["StateStore:KeyPrefix"] = "replica-tokens:" + prefix,
            // Both replicas answer as the one public issuer, as behind a load balancer.
            ["Identity:Issuer"] = PublicIssuer,
        };
        return new GatewayApp(
            PartnerGateway.Settings(sandbox, settings),
            services: clock is null ? null : s => s.AddSingleton(clock));
    }

    private static async Task<string> PartnerTokenAsync(GatewayApp app)
    {
        using var response = await PostFormAsync(app, "/oauth/token", new()
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = "partners:read",
            ["audience"] = "partners",
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task<JsonElement> IntrospectAsync(GatewayApp app, string token)
    {
        using var response = await PostFormAsync(app, "/oauth/introspect", new() { ["token"] = token });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    /// <summary>A form post authenticated as the demo partner (client_secret_post).</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(GatewayApp app, string path, Dictionary<string, string> form)
    {
        form["client_id"] = DemoClients.PartnerId;
        form["client_secret"] = DemoClients.PartnerSecret;
        using var client = app.CreateHttpClient();
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static string? KeyId(string token)
    {
        var part = token.Split('.')[0].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
        using var header = JsonDocument.Parse(Convert.FromBase64String(part));
        return header.RootElement.GetProperty("kid").GetString();
    }
}
