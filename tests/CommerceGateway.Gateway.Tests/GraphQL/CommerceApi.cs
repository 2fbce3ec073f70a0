using System.Net.Http.Json;
using System.Text.Json;

namespace CommerceGateway.Gateway.Tests.GraphQL;

/// <summary>A front-end's view of <c>/graphql</c>: posts operations over HTTP and reads the JSON answer.</summary>
public sealed class CommerceApi(HttpClient http) : IDisposable
{
    /// <summary>The fields the tests read from a cart.</summary>
    public const string CartFields = """
        fragment CartFields on Cart {
          id version channel currencyCode expiresAt expired
          lines { id merchandiseId quantity expiresAt unitPrice { amount currencyCode } seats { seatId sessionId expiresAt } attendees { ticketId name } }
          cost { subtotal { amount currencyCode } discounts { amount } loyaltyDiscount { amount } shipping { amount } total { amount currencyCode } }
          checkout { status currentStep steps { kind completed missing } pollAfterSeconds failureReason }
          loyalty { memberId store rewardId discount { amount } status }
        }
        """;

    public HttpClient Http => http;

    /// <summary>Posts an operation; returns the whole response body.</summary>
    public async Task<JsonElement> SendAsync(string query, object? variables = null)
    {
        using var response = await http.PostAsJsonAsync(new Uri("graphql", UriKind.Relative), new { query, variables });
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    /// <summary>Posts an operation that must not fail with GraphQL errors; returns <c>data</c>.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        var body = await SendAsync(query, variables);
        Assert.False(body.TryGetProperty("errors", out var errors), "GraphQL errors: " + (errors.ValueKind == JsonValueKind.Undefined ? string.Empty : errors.ToString()));
        return body.GetProperty("data");
    }

    /// <summary>Runs a mutation and returns its payload, asserting it has no user errors.</summary>
    public async Task<JsonElement> MutateAsync(string field, string query, object? variables = null)
    {
        var payload = await PayloadAsync(field, query, variables);
        Assert.True(payload.GetProperty("userErrors").GetArrayLength() == 0, $"{field} userErrors: {payload.GetProperty("userErrors")}");
        return payload;
    }

    /// <summary>Runs a mutation and returns its payload, user errors and all.</summary>
    public async Task<JsonElement> PayloadAsync(string field, string query, object? variables = null) =>
        (await DataAsync(query, variables)).GetProperty(field);

    /// <summary>Runs a mutation expected to fail with <paramref name="code"/>; returns the payload.</summary>
    public async Task<JsonElement> FailAsync(string field, string code, string query, object? variables = null)
    {
        var payload = await PayloadAsync(field, query, variables);
        var codes = payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.True(codes.Contains(code), $"{field}: expected {code}, got [{string.Join(", ", codes)}] {payload.GetProperty("userErrors")}");
        return payload;
    }

    public void Dispose() => http.Dispose();
}
