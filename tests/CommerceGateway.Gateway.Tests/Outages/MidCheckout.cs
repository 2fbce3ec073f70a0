using CommerceGateway.Gateway.Tests.GraphQL;

namespace CommerceGateway.Gateway.Tests.Outages;

/// <summary>The checkout an outage interrupts: a cart with lines on the template adapter's shop, buyer still to come.</summary>
public static class MidCheckout
{
    public const string BuyerUpdate = "mutation($id: ID!) { cartBuyerUpdate(cartId: $id, buyer: { email: \"ada@example.test\" }) { cart { id version } userErrors { code field message } } }";

    public const string CartCreate = "mutation { cartCreate(channel: \"example-demo\", currency: \"EUR\") { cart { id } userErrors { code field message } } }";

    /// <summary>Creates the cart and adds two lines; returns the cart id.</summary>
    public static async Task<string> StartAsync(CommerceApi api)
    {
        var cartId = (await api.MutateAsync("cartCreate", CartCreate)).GetProperty("cart").GetProperty("id").GetString()!;
        await api.MutateAsync("cartLinesAdd", "mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"TEE-M\", quantity: 2 }, { merchandiseId: \"MUG\", quantity: 1 }]) { cart { id } userErrors { code field message } } }", new { id = cartId });
        return cartId;
    }
}
