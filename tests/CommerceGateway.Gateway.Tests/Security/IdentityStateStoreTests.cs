using System.Net;
using System.Text.Json;
using CommerceGateway.Gateway.Tests.Infrastructure;
using CommerceGateway.Identity;
using CommerceGateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using StateRevokedTokens = CommerceGateway.Checkout.State.IRevokedTokenStore;

namespace CommerceGateway.Gateway.Tests.Security;

public sealed class IdentityStateStoreTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Revoke_ThroughTokenService_IsRecordedInSharedStateStore()
    {
        using var app = new GatewayApp();
        var token = await app.GetTokenAsync();
        var tokenId = Jwt.Payload(token).GetProperty("jti").GetString()!;
        using var client = app.CreateHttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["client_id"] = DemoClients.PartnerId,
            ["client_secret"] = DemoClients.PartnerSecret,
        });

        using var response = await client.PostAsync(new Uri("/oauth/revoke", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await app.Services.GetRequiredService<StateRevokedTokens>().IsRevokedAsync(tokenId));
    }

    [Fact]
    public async Task SigningKeys_TwoReplicasOnOneRedis_PublishTheSameKeys()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString, ["StateStore:KeyPrefix"] = "replicas:" };
        using var first = new GatewayApp(settings);
        using var firstClient = first.CreateHttpClient();
        var firstKeys = await KeyIdsAsync(firstClient);
        using var second = new GatewayApp(settings);
        using var secondClient = second.CreateHttpClient();

        var secondKeys = await KeyIdsAsync(secondClient);

        Assert.NotEmpty(firstKeys);
        Assert.Equal(firstKeys, secondKeys);
    }

    private static async Task<string[]> KeyIdsAsync(HttpClient client)
    {
        using var jwks = JsonDocument.Parse(await client.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative)));
        return [.. jwks.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).Order(StringComparer.Ordinal)];
    }
}
