using System.Text.Json;

namespace CommerceGateway.Gateway.Tests.FrontDoors.Livescale;

/// <summary>Steps 2 to 5 of the seed's standard flow, as Livescale runs them on a channel.</summary>
public static class LivescaleFlow
{
    public static readonly object Address = new
    {
        first_name = "Ada",
        last_name = "Lovelace",
        address1 = "1 Main Street",
        city = "Springfield",
        province = "Illinois",
        province_code = "IL",
        country = "United States",
        country_code_alpha_2 = "US",
        zip = "62701",
        phone = "+15555550100",
    };

    /// <summary>Login, a basket with the channel's items, email, shipping when it ships, billing, LIVESCALE: a basket ready to order.</summary>
    public static async Task<JsonElement> ReadyBasketAsync(LivescaleShopper shop, LivescaleChannelCase channel)
    {
        // 2. A guest session.
        var login = await shop.OkAsync(HttpMethod.Post, "customers/login", new { type = "guest" });
        var customerToken = login.GetProperty("customer_token").GetString()!;

        // 3. A guest basket, its items and its customer's email.
        var basket = await shop.OkAsync(HttpMethod.Post, "baskets", channel.Items.Select(i => new { id = i.Sku, quantity = i.Quantity }).ToArray(), 201);
        var id = basket.GetProperty("id").GetString()!;
        basket = await shop.OkAsync(HttpMethod.Put, $"baskets/{id}/customer", new { id = customerToken, email = "ada@example.test" });
        Assert.Equal(customerToken, basket.GetProperty("customer").GetProperty("id").GetString());

        if (channel.Ships)
        {
            await shop.OkAsync(HttpMethod.Put, $"baskets/{id}/shipping_address", Address);
            var methods = await shop.OkAsync(HttpMethod.Get, $"baskets/{id}/shipping_methods");
            var method = methods.EnumerateArray().First().GetProperty("id").GetString()!;
            await shop.OkAsync(HttpMethod.Put, $"baskets/{id}/shipping_method", new { id = method });
        }

        // 4. The billing address, then the payment methods: exactly LIVESCALE.
        await shop.OkAsync(HttpMethod.Put, $"baskets/{id}/billing_address", Address);
        var payments = await shop.OkAsync(HttpMethod.Get, $"baskets/{id}/payment_methods");
        Assert.Equal(["LIVESCALE"], payments.EnumerateArray().Select(p => p.GetProperty("id").GetString()));

        // 5. LIVESCALE chosen.
        return await shop.OkAsync(HttpMethod.Put, $"baskets/{id}/payment_method", new { id = "LIVESCALE" });
    }

    /// <summary>Step 6 (the order) and 7 (the authorized PSP transaction).</summary>
    public static async Task<JsonElement> AuthorizedOrderAsync(LivescaleShopper shop, string basketId, string transaction)
    {
        var order = await shop.OkAsync(HttpMethod.Post, "orders", new { basket_id = basketId }, 201);
        Assert.Equal("PENDING", order.GetProperty("status").GetString());
        return await shop.OkAsync(HttpMethod.Put, $"orders/{order.GetProperty("id").GetString()}", new { status = "NEW", psp_name = "stripe", card_type = "visa", psp_transaction_id = transaction }, 201);
    }

    public static string NewTransaction() => "pi_" + Guid.NewGuid().ToString("N");
}
