using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommerceGateway.Testing;

namespace CommerceGateway.Sandbox.Tests.Spendgo;

/// <summary>A raw HTTP client of the sandbox's Spendgo protocol, as a partner would call it.</summary>
internal sealed class SpendgoApi : IDisposable
{
    private readonly HttpClient _http;

    private SpendgoApi(HttpClient http) => _http = http;

    public static async Task<SpendgoApi> ConnectAsync(SandboxServer sandbox)
    {
        var http = new HttpClient { BaseAddress = sandbox.ProtocolUrl("spendgo") };
        var (status, token) = await TokenAsync(http, "spendgo-demo", "spendgo-demo-secret", "acct-demo");
        Assert.Equal(HttpStatusCode.OK, status);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return new SpendgoApi(http);
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(HttpClient http, string clientId, string secret, string account)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"oauth2/v1/token?grant_type=client_credentials&account_id={account}", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>A new member of the demo account; returns its id and its rewards' ids by code.</summary>
    public async Task<(string Id, Dictionary<string, string> Rewards)> NewMemberAsync(decimal points, params string[] rewards)
    {
        using var response = await _http.PostAsJsonAsync(new Uri("_admin/accounts/acct-demo/members", UriKind.Relative), new { points, rewards });
        response.EnsureSuccessStatusCode();
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var ids = body.GetProperty("rewards").EnumerateArray().ToDictionary(r => r.GetProperty("reward_code").GetString()!, r => r.GetProperty("id").GetString()!);
        ids["rw-bank"] = body.GetProperty("bank_reward_id").GetString()!;
        return (body.GetProperty("spendgo_id").GetString()!, ids);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> OrderAsync(string member, object body)
    {
        using var response = await _http.PostAsJsonAsync(new Uri($"loyalty/accounts/{member}/orders", UriKind.Relative), body);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>An order body: one item of <paramref name="price"/>, the subtotal, and the reward and discount when given.</summary>
    public static object Body(string orderId, string status, decimal price, string? rewardId = null, decimal? discount = null, string store = "store-001") => new
    {
        order_id = orderId,
        store_code = store,
        status,
        items = new[] { new { sku = "PLATTER", name = "Platter", quantity = 1, price } },
        subtotal = price,
        reward = rewardId is null ? null : new { id = rewardId },
        discount,
    };

    public async Task<decimal> PointsAsync(string member) => (await GetAsync($"loyalty/accounts/{member}/balance")).Body.GetProperty("points").GetDecimal();

    public void Dispose() => _http.Dispose();
}
