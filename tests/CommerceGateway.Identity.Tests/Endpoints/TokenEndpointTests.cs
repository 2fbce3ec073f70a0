using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommerceGateway.Identity.Tests.Infrastructure;

namespace CommerceGateway.Identity.Tests.Endpoints;

public sealed class TokenEndpointTests : IAsyncLifetime
{
    private IdentityTestHost _host = null!;

    public async Task InitializeAsync() => _host = await IdentityTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Token_ClientSecretPost_ReturnsBearerTokenWithNoStoreHeaders()
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials"), new("client_id", TestClients.ShopId), new("client_secret", TestClients.ShopSecret)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("no-cache", response.Headers.Pragma.ToString());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        Assert.Equal("orders:read", body.GetProperty("scope").GetString());
        Assert.Equal(3, body.GetProperty("access_token").GetString()!.Split('.').Length);
    }

    [Fact]
    public async Task Token_ClientSecretBasicWithSpecialCharacters_ReturnsToken()
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials")],
            authorization: IdentityTestHost.Basic(TestClients.ShopId, TestClients.ShopSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_BasicWithMatchingClientIdInBody_ReturnsToken()
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials"), new("client_id", TestClients.ShopId)],
            authorization: IdentityTestHost.Basic(TestClients.ShopId, TestClients.ShopSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_JsonBodyAuth0Style_ReturnsTokenForAudience()
    {
        var json = JsonSerializer.Serialize(new
        {
            grant_type = "client_credentials",
            client_id = TestClients.ShopId,
            client_secret = TestClients.ShopSecret,
            audience = "orders-api",
        });
        using var response = await _host.Client.PostAsync("/oauth/token", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("orders-api", Jwt.Payload(body.GetProperty("access_token").GetString()!).GetProperty("aud").GetString());
    }

    [Fact]
    public async Task Token_LivescaleScopesField_IsAliasOfScope()
    {
        var token = await _host.GetTokenAsync(extra: ("scopes", "orders:write orders:read"));

        Assert.Equal("orders:write orders:read", Jwt.Payload(token).GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Token_ConnectTokenAlias_ReturnsToken()
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials"), new("client_id", TestClients.OtherId), new("client_secret", TestClients.OtherSecret)],
            "/connect/token");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("authorization_code", "unsupported_grant_type")]
    [InlineData("password", "unsupported_grant_type")]
    [InlineData("", "invalid_request")]
    public async Task Token_GrantTypeOtherThanClientCredentials_ReturnsError(string grantType, string error)
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", grantType), new("client_id", TestClients.ShopId), new("client_secret", TestClients.ShopSecret)]);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, error);
    }

    [Fact]
    public async Task Token_CredentialsInQueryString_ReturnsInvalidRequest()
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials"), new("client_id", TestClients.ShopId)],
            $"/oauth/token?client_secret={Uri.EscapeDataString(TestClients.ShopSecret)}");

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Token_BasicAndSecretInBody_ReturnsInvalidRequest()
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials"), new("client_id", TestClients.ShopId), new("client_secret", TestClients.ShopSecret)],
            authorization: IdentityTestHost.Basic(TestClients.ShopId, TestClients.ShopSecret));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Token_BasicWithDifferentClientIdInBody_ReturnsInvalidRequest()
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials"), new("client_id", TestClients.OtherId)],
            authorization: IdentityTestHost.Basic(TestClients.ShopId, TestClients.ShopSecret));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Token_RepeatedParameter_ReturnsInvalidRequest()
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials"), new("client_id", TestClients.ShopId), new("client_secret", TestClients.ShopSecret), new("scope", "orders:read"), new("scope", "orders:write")]);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Token_RepeatedJsonProperty_ReturnsInvalidRequest()
    {
        const string json = """{"grant_type":"client_credentials","client_id":"shop","client_id":"other","client_secret":"x"}""";
        using var response = await _host.Client.PostAsync("/oauth/token", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Theory]
    [InlineData("""{"grant_type":"client_credentials","client_id":"shop","client_secret":42}""")]
    [InlineData("""["client_credentials"]""")]
    [InlineData("""{"grant_type":""")]
    public async Task Token_MalformedJson_ReturnsInvalidRequest(string json)
    {
        using var response = await _host.Client.PostAsync("/oauth/token", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Token_UnsupportedContentType_ReturnsInvalidRequest()
    {
        using var response = await _host.Client.PostAsync("/oauth/token", new StringContent("grant_type=client_credentials", Encoding.UTF8, "text/plain"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Token_SecretWithoutClientId_ReturnsInvalidRequest()
    {
        using var response = await _host.PostFormAsync([new("grant_type", "client_credentials"), new("client_secret", TestClients.ShopSecret)]);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Token_MalformedBasicHeader_ReturnsInvalidRequest()
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials")],
            authorization: new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "not base64!"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Token_NoClientAuthentication_ReturnsInvalidClient()
    {
        using var response = await _host.PostFormAsync([new("grant_type", "client_credentials"), new("client_id", TestClients.ShopId)]);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task Token_WrongSecretByPost_ReturnsInvalidClientWithoutChallenge()
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials"), new("client_id", TestClients.ShopId), new("client_secret", "wrong")]);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task Token_WrongSecretByBasic_ReturnsInvalidClientWithBasicChallenge()
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials")],
            authorization: IdentityTestHost.Basic(TestClients.ShopId, "wrong"));

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Token_UnencodedBasicSecret_ReturnsInvalidClient()
    {
        // '+' must be sent as %2B: a client that skips the encoding sends a different secret (a space).
        var raw = Convert.ToBase64String(Encoding.UTF8.GetBytes(TestClients.ShopId + ":" + TestClients.ShopSecret));
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials")],
            authorization: new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", raw));

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Token_UnknownClient_ReturnsInvalidClient()
    {
        using var response = await _host.PostFormAsync(
            [new("grant_type", "client_credentials"), new("client_id", "nobody"), new("client_secret", "secret")]);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Token_GetMethod_IsNotAllowed()
    {
        using var response = await _host.Client.GetAsync("/oauth/token");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    internal static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error_description").GetString()));
        Assert.False(body.TryGetProperty("access_token", out _));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }
}
