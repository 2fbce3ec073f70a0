using System.Net;
using CommerceGateway.Testing;

namespace CommerceGateway.Sandbox.Tests.Livescale;

/// <summary>The token (audience=livescale) and the guest session linked to the access token.</summary>
public sealed class LivescaleAuthTests(SandboxServer sandbox) : IClassFixture<SandboxServer>
{
    [Fact]
    public async Task Token_AudienceOtherThanLivescale_IsRefused()
    {
        using var http = new HttpClient { BaseAddress = sandbox.ProtocolUrl("livescale") };

        var (status, body) = await LivescaleApi.TokenAsync(http, [new("grant_type", "client_credentials"), new("client_id", LivescaleApi.ClientId), new("client_secret", LivescaleApi.ClientSecret), new("audience", "shopify")]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", body.GetProperty("error").GetString());
        Assert.Contains("livescale", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_AudienceLivescale_IssuesAnHourLongBearerToken()
    {
        using var http = new HttpClient { BaseAddress = sandbox.ProtocolUrl("livescale") };

        var (status, body) = await LivescaleApi.TokenAsync(http, [new("grant_type", "client_credentials"), new("client_id", LivescaleApi.ClientId), new("client_secret", LivescaleApi.ClientSecret), new("audience", "livescale")]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
    }

    [Fact]
    public async Task AnyCall_UnknownAccessToken_IsRefusedAsInvalidToken()
    {
        using var http = new HttpClient { BaseAddress = sandbox.ProtocolUrl("livescale") };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "lsat_forged");

        using var response = await http.GetAsync(new Uri("catalogs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateBasket_BeforeGuestLogin_IsRefusedAsCustomerSessionRequired()
    {
        using var api = await LivescaleApi.ConnectAsync(sandbox);

        var (status, body) = await api.SendAsync(HttpMethod.Post, "baskets");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("customer_session_required", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task CreateBasket_AfterGuestLogin_BelongsToTheCustomerTokenLinkedToTheAccessToken()
    {
        using var api = await LivescaleApi.ConnectAsync(sandbox);
        var customerToken = await api.LoginAsync();
        var (_, basket) = await api.SendAsync(HttpMethod.Post, "baskets");
        var id = basket.GetProperty("id").GetString();

        var (mismatch, refusal) = await api.SendAsync(HttpMethod.Put, $"baskets/{id}/customer", """{"id":"cus_someone_else","email":"ada@example.test"}""");
        var (status, withCustomer) = await api.SendAsync(HttpMethod.Put, $"baskets/{id}/customer", $$"""{"id":"{{customerToken}}","email":"ada@example.test"}""");

        Assert.Equal(HttpStatusCode.Forbidden, mismatch);
        Assert.Equal("customer_mismatch", refusal.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(customerToken, withCustomer.GetProperty("customer").GetProperty("id").GetString());
        Assert.Equal("ada@example.test", withCustomer.GetProperty("customer").GetProperty("email").GetString());
    }
}
