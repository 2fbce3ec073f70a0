using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CommerceGateway.Testing;

namespace CommerceGateway.Sandbox.Tests.Livescale;

/// <summary>A raw HTTP client of the sandbox's Livescale merchant server, as Livescale's app calls it.</summary>
internal sealed class LivescaleApi : IDisposable
{
    public const string ClientId = "livescale-demo";
    public const string ClientSecret = "livescale-demo-secret";

    private readonly HttpClient _http;

    private LivescaleApi(HttpClient http) => _http = http;

    /// <summary>A client holding a fresh access token of the US store (no guest login yet).</summary>
    public static async Task<LivescaleApi> ConnectAsync(SandboxServer sandbox)
    {
        var http = new HttpClient { BaseAddress = sandbox.ProtocolUrl("livescale") };
        var (status, token) = await TokenAsync(http, [new("grant_type", "client_credentials"), new("client_id", ClientId), new("client_secret", ClientSecret), new("audience", "livescale")]);
        Assert.Equal(HttpStatusCode.OK, status);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return new LivescaleApi(http);
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(HttpClient http, IEnumerable<KeyValuePair<string, string>> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri("oauth/token", UriKind.Relative), content);
        return (response.StatusCode, await ReadAsync(response));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await ReadAsync(response));
    }

    /// <summary>Starts a guest session; returns its customer_token.</summary>
    public async Task<string> LoginAsync()
    {
        var (status, login) = await SendAsync(HttpMethod.Post, "customers/login", """{"type":"guest"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        return login.GetProperty("customer_token").GetString()!;
    }

    /// <summary>A basket with one line and everything <c>POST /orders</c> needs; returns its id.</summary>
    public async Task<string> ReadyBasketAsync(string sku, int quantity)
    {
        await LoginAsync();
        var (status, basket) = await SendAsync(HttpMethod.Post, "baskets", $$"""[{"id":"{{sku}}","quantity":{{quantity}}}]""");
        Assert.Equal(HttpStatusCode.Created, status);
        var id = basket.GetProperty("id").GetString()!;
        const string Address = """{"first_name":"Ada","last_name":"Lovelace","address1":"1 Main St","city":"Springfield","country":"United States","zip":"12345"}""";
        await ExpectOkAsync(HttpMethod.Put, $"baskets/{id}/customer", """{"email":"ada@example.test"}""");
        await ExpectOkAsync(HttpMethod.Put, $"baskets/{id}/shipping_address", Address);
        await ExpectOkAsync(HttpMethod.Put, $"baskets/{id}/shipping_method", """{"id":"standard"}""");
        await ExpectOkAsync(HttpMethod.Put, $"baskets/{id}/billing_address", Address);
        await ExpectOkAsync(HttpMethod.Put, $"baskets/{id}/payment_method", """{"id":"LIVESCALE"}""");
        return id;
    }

    /// <summary>An order created from a ready basket.</summary>
    public async Task<JsonElement> OrderAsync(string basketId)
    {
        var (status, order) = await SendAsync(HttpMethod.Post, "orders", $$"""{"basket_id":"{{basketId}}"}""");
        Assert.Equal(HttpStatusCode.Created, status);
        return order;
    }

    public void Dispose() => _http.Dispose();

    private async Task ExpectOkAsync(HttpMethod method, string path, string json)
    {
        var (status, body) = await SendAsync(method, path, json);
        Assert.True(status == HttpStatusCode.OK, $"{method} {path}: {(int)status} {body}");
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
