using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceGateway.Testing;

namespace CommerceGateway.Sandbox.Tests.Booking;

/// <summary>A raw HTTP client of the sandbox's booking protocol, as a backend integrator would call it.</summary>
internal sealed class BookingApi : IDisposable
{
    private readonly HttpClient _http;

    private BookingApi(HttpClient http) => _http = http;

    public static async Task<BookingApi> ConnectAsync(SandboxServer sandbox, string clientId = "gateway", string secret = "gateway-secret")
    {
        var http = new HttpClient { BaseAddress = sandbox.ProtocolUrl("booking") };
        var (status, token) = await SendAsync(http, HttpMethod.Post, "oauth/token", [new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret)]);
        Assert.Equal(HttpStatusCode.OK, status);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return new BookingApi(http);
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient http, HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>>? form = null, string? fault = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        if (fault is not null)
        {
            request.Headers.Add("X-Sandbox-Fault", fault);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, params (string Name, object Value)[] form) =>
        SendAsync(_http, HttpMethod.Post, path, form.Select(f => new KeyValuePair<string, string>(f.Name, Convert.ToString(f.Value, System.Globalization.CultureInfo.InvariantCulture)!)));

    public Task<(HttpStatusCode Status, JsonElement Body)> PostWithFaultAsync(string fault, string path, params (string Name, object Value)[] form) =>
        SendAsync(_http, HttpMethod.Post, path, form.Select(f => new KeyValuePair<string, string>(f.Name, Convert.ToString(f.Value, System.Globalization.CultureInfo.InvariantCulture)!)), fault);

    public Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path) => SendAsync(_http, HttpMethod.Get, path);

    /// <summary>A new cart's token.</summary>
    public async Task<string> NewCartAsync()
    {
        var (status, cart) = await PostAsync("shoppingCart/create");
        Assert.Equal(HttpStatusCode.OK, status);
        return cart.GetProperty("token").GetString()!;
    }

    /// <summary>A cart holding <paramref name="seats"/> of <paramref name="session"/>, with client data and delivery set.</summary>
    public async Task<string> ReadyCartAsync(long session, params long[] seats)
    {
        var token = await NewCartAsync();
        var form = new List<(string, object)> { ("token", token), ("idSession", session) };
        form.AddRange(seats.Select(s => ("seats", (object)s)));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("shoppingCart/addSeats", [.. form])).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("shoppingCart/clientData", ("token", token), ("firstName", "Ada"), ("lastName", "Lovelace"), ("email", "ada@example.test"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("shoppingCart/delivery", ("token", token), ("type", "EMAIL"), ("orderDeliveryCost", "0"))).Status);
        return token;
    }

    /// <summary>The status of one seat in its session's seat map, e.g. "FREE".</summary>
    public async Task<string> SeatStatusAsync(long session, long seat)
    {
        var (_, map) = await GetAsync($"session/{session}/seatMap");
        return map.GetProperty("seats").EnumerateArray().Single(s => s.GetProperty("id").GetInt64() == seat).GetProperty("status").GetString()!;
    }

    public async Task SetBookingsAsync(string target, bool enabled)
    {
        using var response = await _http.PutAsJsonAsync(new Uri($"_admin/{target}/bookings", UriKind.Relative), new { enabled });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The sandbox's counts of carts, pending orders and seats as the sweeper left them (no lazy expiry).</summary>
    public async Task<JsonElement> AdminStateAsync() => (await GetAsync("_admin/state")).Body;

    public void Dispose() => _http.Dispose();
}
