using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommerceGateway.Testing;

namespace CommerceGateway.Sandbox.Tests.GuestManager;

/// <summary>A raw JSON client of the sandbox's Guest Manager API v2, as an integrator would call it.</summary>
internal sealed class GuestManagerApi : IDisposable
{
    public const string Key = "gm_sandbox_key";

    private readonly HttpClient _http;

    public GuestManagerApi(SandboxServer sandbox, string? key = Key)
    {
        _http = new HttpClient { BaseAddress = new Uri(sandbox.ProtocolUrl("guestmanager"), "api/public/v2/") };
        if (key is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", key);
        }
    }

    public async Task<GmResponse> SendAsync(HttpMethod method, string path, object? body = null, string? fault = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        if (fault is not null)
        {
            request.Headers.Add("X-Sandbox-Fault", fault);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GmResponse(response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response.Headers);
    }

    public Task<GmResponse> GetAsync(long id) => SendAsync(HttpMethod.Get, $"orders/{id}");

    /// <summary>Creates an order for Ada (guest checkout) with <paramref name="lines"/> and asserts it was created.</summary>
    public async Task<JsonElement> CreateAsync(params (long Variant, int Quantity)[] lines)
    {
        var response = await SendAsync(HttpMethod.Post, "orders", new
        {
            order = new
            {
                currency = "USD",
                guest_checkout = true,
                email = "ada@example.test",
                first_name = "Ada",
                last_name = "Lovelace",
                line_items = lines.Select(l => new { variant_id = l.Variant, quantity = l.Quantity }),
            },
        });
        Assert.Equal(HttpStatusCode.Created, response.Status);
        return response.Body;
    }

    public Task<GmResponse> NextAsync(long id, string? state = null) =>
        SendAsync(HttpMethod.Patch, $"checkout/{id}/next", state is null ? new { } : new { state });

    /// <summary><c>PATCH /checkout/{id}</c> with <c>order[state]</c> and the step's data.</summary>
    public Task<GmResponse> UpdateAsync(long id, string state, JsonObject? data = null, string? fault = null)
    {
        var order = data ?? [];
        order["state"] = state;
        return SendAsync(HttpMethod.Patch, $"checkout/{id}", new JsonObject { ["order"] = order }, fault);
    }

    /// <summary>Names every ticket of the order.</summary>
    public Task<GmResponse> NameTicketsAsync(JsonElement order) =>
        UpdateAsync(Id(order), "tickets", new JsonObject
        {
            ["tickets"] = new JsonArray([.. order.GetProperty("tickets").EnumerateArray().Select(t => (JsonNode)new JsonObject
            {
                ["id"] = t.GetProperty("id").GetInt64(),
                ["name"] = "Guest " + t.GetProperty("id").GetInt64(),
                ["email"] = "guest@example.test",
            })]),
        });

    public Task<GmResponse> BillAsync(long id) =>
        UpdateAsync(id, "address", new JsonObject { ["bill_address"] = Address() });

    public Task<GmResponse> PayAsync(long id, string amount, string token = "tok_visa", string? fault = null) =>
        UpdateAsync(id, "payment", new JsonObject
        {
            ["payments"] = new JsonArray(new JsonObject { ["payment_method_id"] = 1, ["amount"] = amount, ["source"] = new JsonObject { ["token"] = token } }),
        }, fault);

    /// <summary>An order of <paramref name="lines"/> (tickets) taken to the payment step.</summary>
    public async Task<JsonElement> AtPaymentAsync(params (long Variant, int Quantity)[] lines)
    {
        var order = await CreateAsync(lines);
        var id = Id(order);
        var begun = (await NextAsync(id)).Ok();
        if (State(begun) == "tickets")
        {
            (await NameTicketsAsync(begun)).Ok();
        }

        var paying = (await BillAsync(id)).Ok();
        Assert.Equal("payment", State(paying));
        return paying;
    }

    public static JsonObject Address(string country = "US", string? state = "IL") => new()
    {
        ["address1"] = "1 Main Street",
        ["city"] = "Springfield",
        ["zipcode"] = "62701",
        ["country_code"] = country,
        ["state_code"] = state,
    };

    public static long Id(JsonElement order) => order.GetProperty("id").GetInt64();

    public static string State(JsonElement order) => order.GetProperty("state").GetString()!;

    public static string[] Steps(JsonElement order) => [.. order.GetProperty("checkout_steps").EnumerateArray().Select(s => s.GetString()!)];

    public void Dispose() => _http.Dispose();
}
