using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Gateway.Tests.Partners;
using CommerceGateway.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Gateway.Tests.Security;

/// <summary>
/// A private_key_jwt partner behind two gateways on one redis-server: an assertion authenticates once,
/// whichever replica sees it first, because its jti is recorded on the shared state store.
/// </summary>
public sealed class ReplicaClientAssertionTests(RedisServer redis, SandboxServer sandbox) : IClassFixture<RedisServer>, IClassFixture<SandboxServer>, IDisposable
{
    private const string PublicIssuer = "https://gateway.replicas.test";
    private const string ClientId = "keyed-partner";
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    [Fact]
    public async Task AssertionUsedOnOneReplica_IsRefusedAsReplayByTheOther()
    {
        using var first = Replica();
        using var second = Replica();
        var assertion = Assertion();

        using var accepted = await PostAssertionAsync(first, assertion);
        using var replayed = await PostAssertionAsync(second, assertion);
        using var fresh = await PostAssertionAsync(second, Assertion());

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        using var error = JsonDocument.Parse(await replayed.Content.ReadAsStringAsync());
        Assert.Equal("invalid_client", error.RootElement.GetProperty("error").GetString());
        Assert.Contains("used before", error.RootElement.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task TokenFromAssertionOnOneReplica_OpensThePartnerRouteOnTheOther()
    {
        using var first = Replica();
        using var second = Replica();

        using var response = await PostAssertionAsync(first, Assertion());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var partner = second.CreateAuthorizedClient(body.RootElement.GetProperty("access_token").GetString()!);
        using var routed = await partner.GetAsync(new Uri(PartnerGateway.EchoPrefix + "orders/7", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, routed.StatusCode);
    }

    public void Dispose() => _key.Dispose();

    private GatewayApp Replica()
    {
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(_key));
        var jwks = JsonSerializer.Serialize(new { keys = new[] { new { kty = "EC", crv = "P-256", x = jwk.X, y = jwk.Y, kid = "k1", use = "sig" } } });
        return new GatewayApp(PartnerGateway.Settings(sandbox, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["StateStore:KeyPrefix"] = "replica-assertions:",
            ["Identity:Issuer"] = PublicIssuer,
            [$"Identity:Clients:{ClientId}:Jwks"] = jwks,
            [$"Identity:Clients:{ClientId}:Audiences:0"] = "partners",
            [$"Identity:Clients:{ClientId}:AllowedScopes:0"] = "partners:read",
            [$"Identity:Clients:{ClientId}:DefaultScopes:0"] = "partners:read",
        }));
    }

    private string Assertion()
    {
        var now = DateTimeOffset.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ClientId,
            Audience = PublicIssuer + "/oauth/token",
            Subject = new System.Security.Claims.ClaimsIdentity([new("sub", ClientId), new("jti", Guid.NewGuid().ToString("N"))]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddMinutes(1).UtcDateTime,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(_key) { KeyId = "k1" }, SecurityAlgorithms.EcdsaSha256),
        });
    }

    private static async Task<HttpResponseMessage> PostAssertionAsync(GatewayApp app, string assertion)
    {
        using var client = app.CreateHttpClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion,
        });
        return await client.PostAsync(new Uri("/oauth/token", UriKind.Relative), content);
    }
}
