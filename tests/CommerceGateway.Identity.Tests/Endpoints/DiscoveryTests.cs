using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceGateway.Identity.Tests.Infrastructure;

namespace CommerceGateway.Identity.Tests.Endpoints;

public sealed class DiscoveryTests : IAsyncLifetime
{
    private IdentityTestHost _host = null!;

    public async Task InitializeAsync() => _host = await IdentityTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>What private_key_jwt assertions may be signed with: asymmetric only, never none or HMAC.</summary>
    private static readonly string[] AssertionAlgorithms = ["ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "RS256", "RS384", "RS512"];

    [Theory]
    [InlineData("/.well-known/oauth-authorization-server")]
    [InlineData("/.well-known/openid-configuration")]
    public async Task Metadata_Endpoints_AdvertiseWhatIsAccepted(string path)
    {
        var metadata = await _host.Client.GetFromJsonAsync<JsonElement>(path);

        Assert.Equal(IdentityTestHost.Issuer, metadata.GetProperty("issuer").GetString());
        Assert.Equal("http://localhost/oauth/token", metadata.GetProperty("token_endpoint").GetString());
        Assert.Equal("http://localhost/.well-known/jwks.json", metadata.GetProperty("jwks_uri").GetString());
        Assert.Equal("http://localhost/oauth/introspect", metadata.GetProperty("introspection_endpoint").GetString());
        Assert.Equal("http://localhost/oauth/revoke", metadata.GetProperty("revocation_endpoint").GetString());
        Assert.Equal(["client_credentials"], Strings(metadata, "grant_types_supported"));
        Assert.Equal(["client_secret_basic", "client_secret_post", "private_key_jwt"], Strings(metadata, "token_endpoint_auth_methods_supported"));
        Assert.Equal(AssertionAlgorithms, Strings(metadata, "token_endpoint_auth_signing_alg_values_supported"));
        Assert.Equal(["client_secret_basic", "client_secret_post", "private_key_jwt"], Strings(metadata, "introspection_endpoint_auth_methods_supported"));
        Assert.Equal(AssertionAlgorithms, Strings(metadata, "introspection_endpoint_auth_signing_alg_values_supported"));
        Assert.Equal(["client_secret_basic", "client_secret_post", "private_key_jwt"], Strings(metadata, "revocation_endpoint_auth_methods_supported"));
        Assert.Equal(AssertionAlgorithms, Strings(metadata, "revocation_endpoint_auth_signing_alg_values_supported"));
        Assert.Equal(["ES256"], Strings(metadata, "access_token_signing_alg_values_supported"));
        Assert.Equal(["orders:read", "orders:write"], Strings(metadata, "scopes_supported"));
    }

    [Fact]
    public async Task Metadata_Issuer_EqualsTokenIss()
    {
        var metadata = await _host.Client.GetFromJsonAsync<JsonElement>("/.well-known/oauth-authorization-server");

        var token = await _host.GetTokenAsync();

        Assert.Equal(metadata.GetProperty("issuer").GetString(), Jwt.Payload(token).GetProperty("iss").GetString());
    }

    [Fact]
    public async Task OpenIdConfiguration_SigningAlgorithms_NeverIncludeNone()
    {
        var metadata = await _host.Client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.Equal(["ES256"], Strings(metadata, "id_token_signing_alg_values_supported"));
    }

    [Fact]
    public async Task Jwks_Keys_ArePublicOnlyAndMatchTokenKid()
    {
        using var response = await _host.Client.GetAsync("/.well-known/jwks.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var jwks = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = await _host.GetTokenAsync();

        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
        Assert.Equal(Jwt.Header(token).GetProperty("kid").GetString(), key.GetProperty("kid").GetString());
        foreach (var privateMember in new[] { "d", "p", "q", "dp", "dq", "qi" })
        {
            Assert.False(key.TryGetProperty(privateMember, out _), privateMember);
        }
    }

    [Fact]
    public async Task Jwks_RsaKeys_ArePublicOnly()
    {
        await using var host = await IdentityTestHost.StartAsync(s => s["Identity:Keys:Algorithm"] = "RS256");

        var key = (await host.Client.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json")).GetProperty("keys")[0];

        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal(["alg", "e", "kid", "kty", "n", "use"], key.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
    }

    private static string[] Strings(JsonElement metadata, string name) =>
        [.. metadata.GetProperty(name).EnumerateArray().Select(v => v.GetString()!)];
}
