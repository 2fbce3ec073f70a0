using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CommerceGateway.Identity;

namespace CommerceGateway.Gateway.Tests.Partners;

/// <summary>Who may call a partner route, and what the backend then sees of the call.</summary>
public sealed class PartnerRouteSecurityTests(PartnerGatewayFixture fixture) : IClassFixture<PartnerGatewayFixture>
{
    [Fact]
    public async Task PartnerRoute_WithoutToken_Is401AndNeverReachesTheBackend()
    {
        using var client = fixture.App.CreateHttpClient();

        using var response = await client.GetAsync(new Uri("/partners/echo/anything", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // RFC 6750 §3.1: a request without credentials gets the scheme, and no error code.
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.DoesNotContain("error=", challenge.Parameter ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("\"headers\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnerRoute_TamperedToken_Is401InvalidTokenAndNeverReachesTheBackend()
    {
        var token = await fixture.App.GetTokenAsync(scope: "partners:read", audience: "partners");
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1]))).Replace("partners:read", "partners:write", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.{parts[2]}";
        using var client = fixture.App.CreateAuthorizedClient(tampered);

        using var response = await client.GetAsync(new Uri("/partners/echo/anything", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.DoesNotContain("\"headers\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnerRoute_TokenForAnotherAudience_Is403ProblemNamingTheAudience()
    {
        var token = await fixture.App.GetTokenAsync(DemoClients.StorefrontId, DemoClients.StorefrontSecret);
        using var client = fixture.App.CreateAuthorizedClient(token);

        using var response = await client.GetAsync(new Uri("/partners/echo/anything", UriKind.Relative));
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Contains("error=\"insufficient_scope\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Contains("audience 'partners'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"headers\"", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteRoute_TokenWithReadScopeOnly_Is403InsufficientScopeNamingTheScope()
    {
        using var client = await PartnerGateway.PartnerClientAsync(fixture.App, "partners:read");
        using var body = new StringContent("{}", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/partners/guestmanager/api/public/v2/orders", UriKind.Relative), body);
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"insufficient_scope\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Contains("scope=\"partners:write\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Insufficient scope", problem.GetProperty("title").GetString());
        Assert.Contains("'partners:write'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static string Pad(string base64Url)
    {
        var base64 = base64Url.Replace('-', '+').Replace('_', '/');
        return base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task WriteRoute_TokenWithWriteScope_ReachesTheBackendWithItsOwnCredential()
    {
        using var client = await PartnerGateway.PartnerClientAsync(fixture.App, "partners:read partners:write");
        using var body = new StringContent("{}", Encoding.UTF8, "application/json");

        // The Guest Manager sandbox accepts only "Token <api key>": a 201 means ours replaced the partner's.
        using var created = await client.PostAsync(new Uri("/partners/guestmanager/api/public/v2/orders", UriKind.Relative), body);
        using var order = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = order.RootElement.GetProperty("id").GetInt64();
        using var read = await client.GetAsync(new Uri($"/partners/guestmanager/api/public/v2/orders/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task ProxiedRequest_PartnerAuthorization_IsReplacedByTheBackendCredential()
    {
        using var client = await PartnerGateway.PartnerClientAsync(fixture.App);

        var upstream = await EchoAsync(client, new HttpRequestMessage(HttpMethod.Get, "/partners/echo/orders?page=2"));

        Assert.Equal("Token gm_sandbox_key", upstream.Headers["Authorization"]);
        Assert.Equal("/_echo/orders", upstream.Path);
        Assert.Equal("?page=2", upstream.Query);
    }

    [Fact]
    public async Task ProxiedRequest_ClientForwardingHeaders_AreReplacedByTheGateways()
    {
        using var client = await PartnerGateway.PartnerClientAsync(fixture.App);
        var request = new HttpRequestMessage(HttpMethod.Get, "/partners/echo/who");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.9");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "evil.example");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        request.Headers.TryAddWithoutValidation("Forwarded", "for=203.0.113.9;host=evil.example");

        var upstream = await EchoAsync(client, request);

        Assert.Equal("127.0.0.1", upstream.Headers["X-Forwarded-For"]);
        Assert.Equal(fixture.App.BaseUrl.Authority, upstream.Headers["X-Forwarded-Host"]);
        Assert.Equal("http", upstream.Headers["X-Forwarded-Proto"]);
        Assert.False(upstream.Headers.ContainsKey("Forwarded"));
    }

    [Fact]
    public async Task ProxiedRequest_MethodOverrideAndHopByHopHeaders_DoNotReachTheBackend()
    {
        using var client = await PartnerGateway.PartnerClientAsync(fixture.App);
        var request = new HttpRequestMessage(HttpMethod.Get, "/partners/echo/override");
        request.Headers.TryAddWithoutValidation("X-HTTP-Method-Override", "DELETE");
        request.Headers.TryAddWithoutValidation("X-HTTP-Method", "DELETE");
        request.Headers.TryAddWithoutValidation("X-Method-Override", "DELETE");
        request.Headers.TryAddWithoutValidation("Keep-Alive", "timeout=5");
        request.Headers.TryAddWithoutValidation("Proxy-Connection", "keep-alive");

        var upstream = await EchoAsync(client, request);

        Assert.Equal("GET", upstream.Method);
        foreach (var header in new[] { "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override", "Keep-Alive", "Proxy-Connection" })
        {
            Assert.False(upstream.Headers.ContainsKey(header), $"{header} reached the backend.");
        }
    }

    [Fact]
    public async Task ProxiedResponse_ServerAndPoweredByHeaders_AreRemoved()
    {
        using var client = await PartnerGateway.PartnerClientAsync(fixture.App);

        using var response = await client.GetAsync(new Uri("/partners/echo/banner", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(response.Headers.Contains("X-Powered-By"));
    }

    [Fact]
    public async Task ProxiedRequest_CorrelationId_IsForwardedAndReturned()
    {
        using var client = await PartnerGateway.PartnerClientAsync(fixture.App);
        var mine = new HttpRequestMessage(HttpMethod.Get, "/partners/echo/mine");
        mine.Headers.Add("X-Correlation-Id", "order-42.retry_1");
        var hostile = new HttpRequestMessage(HttpMethod.Get, "/partners/echo/hostile");
        hostile.Headers.Add("X-Correlation-Id", "a b\"<script>");

        using var mineResponse = await client.SendAsync(mine);
        using var hostileResponse = await client.SendAsync(hostile);
        var mineUpstream = await ReadEchoAsync(mineResponse);
        var hostileUpstream = await ReadEchoAsync(hostileResponse);

        Assert.Equal("order-42.retry_1", Assert.Single(mineResponse.Headers.GetValues("X-Correlation-Id")));
        Assert.Equal("order-42.retry_1", mineUpstream.Headers["X-Correlation-Id"]);
        var generated = Assert.Single(hostileResponse.Headers.GetValues("X-Correlation-Id"));
        Assert.Matches("^[0-9a-f]{32}$", generated);
        Assert.Equal(generated, hostileUpstream.Headers["X-Correlation-Id"]);
    }

    private static async Task<Echo> EchoAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            return await ReadEchoAsync(response);
        }
    }

    private static async Task<Echo> ReadEchoAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var echo = JsonSerializer.Deserialize<Echo>(body, WebJson)!;
        return echo with { Headers = new Dictionary<string, string>(echo.Headers, StringComparer.OrdinalIgnoreCase) };
    }

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private sealed record Echo(string Method, string Path, string? Query, Dictionary<string, string> Headers, long BodyLength);
}
