using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommerceGateway.Gateway.Tests.Outages;

/// <summary>
/// private_key_jwt while Redis is down: the assertion's jti cannot be recorded, so nobody is
/// authenticated (temporarily_unavailable, 503) and nothing is recorded either: once Redis is back,
/// the very same assertion is accepted, once.
/// </summary>
public sealed class ClientAssertionOutageTests(StateStoreOutageFixture fixture) : IClassFixture<StateStoreOutageFixture>, IAsyncLifetime, IDisposable
{
    private const string ClientId = "keyed-partner";
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public Task InitializeAsync() => fixture.Redis.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _key.Dispose();

    [Fact]
    public async Task Token_RedisShutDown_AssertionIsTemporarilyUnavailableThenAcceptedOnceWhenBack()
    {
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(_key));
        using var host = fixture.NewGateway(new Dictionary<string, string?>
        {
            [$"Identity:Clients:{ClientId}:Jwks"] = JsonSerializer.Serialize(new { keys = new[] { new { kty = "EC", crv = "P-256", x = jwk.X, y = jwk.Y, kid = "k1" } } }),
            [$"Identity:Clients:{ClientId}:Audiences:0"] = "partners",
        });
        using var http = host.App.CreateHttpClient();
        var form = AssertionForm(host.App.Issuer);

        await fixture.Redis.ShutdownAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var refused = await OutageAnswer.PostFormAsync(http, "/oauth/token", form);
        await fixture.Redis.StartAsync();
        var accepted = await OutageAnswer.EventuallyAsync(() => OutageAnswer.PostFormAsync(http, "/oauth/token", form), a => a.Status != HttpStatusCode.ServiceUnavailable);
        var replayed = await OutageAnswer.PostFormAsync(http, "/oauth/token", form);

        Assert.True(refused.Status == HttpStatusCode.ServiceUnavailable, $"Expected 503, got {(int)refused.Status}: {refused.Body}");
        Assert.Equal("temporarily_unavailable", refused.Member("error"));
        Assert.Equal("5", refused.RetryAfter);
        Assert.True(accepted.Status == HttpStatusCode.OK, $"Expected 200, got {(int)accepted.Status}: {accepted.Body}");
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.Status);
        Assert.Equal("invalid_client", replayed.Member("error"));
    }

    private Dictionary<string, string> AssertionForm(string issuer)
    {
        var now = DateTime.UtcNow;
        var assertion = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ClientId,
            Audience = issuer + "/oauth/token",
            Subject = new ClaimsIdentity([new("sub", ClientId), new("jti", Guid.NewGuid().ToString("N"))]),
            IssuedAt = now,
            Expires = now.AddMinutes(2),
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(_key) { KeyId = "k1" }, SecurityAlgorithms.EcdsaSha256),
        });
        return new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion,
        };
    }
}
