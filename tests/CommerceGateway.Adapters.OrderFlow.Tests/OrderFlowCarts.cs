using System.Net.Http.Json;
using System.Text.Json;
using CommerceGateway.Testing;

namespace CommerceGateway.Adapters.OrderFlow.Tests;

/// <summary>Shared steps of the OrderFlow tests: a cart from the source's example, ready to pay.</summary>
internal static class OrderFlowCarts
{
    public static readonly Buyer Buyer = new("lital.hay@example.test", "Lital", "Hay", "0545870006");

    public static readonly Address Address = new("17 boulevard", "Brooklyn", "11201", "US", Line2: "apt 6", RegionCode: "NY");

    public static CancellationToken Bounded => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    /// <summary>The source's example cart: 2 x 1234 at 50 and 1 x 2345 at 100.</summary>
    public static async Task<Cart> ExampleCartAsync(CommerceBackend backend)
    {
        var cart = await backend.CreateCartAsync(new CartCreation("cart_" + Guid.NewGuid().ToString("N"), CurrencyCode.Usd), Bounded);
        return await backend.AddLinesAsync(cart, [new CartLineInput("1234", 2), new CartLineInput("2345", 1)], Bounded);
    }

    public static async Task<Cart> ReadyToPayAsync(CommerceBackend backend, Buyer? buyer = null)
    {
        var cart = await ExampleCartAsync(backend);
        cart = await backend.UpdateBuyerAsync(cart, buyer ?? Buyer, Bounded);
        cart = await backend.BeginCheckoutAsync(cart, Bounded);
        return await backend.UpdateAddressesAsync(cart, Address, null, Bounded);
    }

    public static PaymentInstruction Pay(Cart cart) => new(cart.Totals.Total, "tok_visa", null, "stripe");

    /// <summary>The notification emails the sandbox sent to <paramref name="email"/>, by event name.</summary>
    public static async Task<IReadOnlyList<string>> EmailsSentToAsync(SandboxServer sandbox, string email)
    {
        using var client = sandbox.CreateClient();
        using var outbox = JsonDocument.Parse(await client.GetStringAsync(new Uri("orderflow/_outbox", UriKind.Relative)));
        return [.. outbox.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("email").GetString() == email)
            .Select(e => e.GetProperty("event").GetString()!)];
    }

    public static async Task SetQuirkAsync(SandboxServer sandbox, bool unquotedCompletedAt, int? times)
    {
        using var client = sandbox.CreateClient();
        using var response = await client.PutAsJsonAsync(new Uri("orderflow/_quirks", UriKind.Relative), new { unquotedCompletedAt, times });
        response.EnsureSuccessStatusCode();
    }
}
