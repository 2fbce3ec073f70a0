namespace CommerceGateway.Soak.Buyers;

/// <content>orderflow-demo: a shipped-goods checkout with a shipping address.</content>
public sealed partial class Buyer
{
    private const string OrderFlowLines = "mutation($id: ID!, $n: Int!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"1234\", quantity: $n }, { merchandiseId: \"3456\", quantity: 1 }]) { cart { id } " + Errors + " } }";

    private const string Shipping = "mutation($id: ID!) { cartAddressesUpdate(cartId: $id, shippingAddress: { address1: \"17 boulevard\", city: \"Brooklyn\", zip: \"11201\", countryCode: \"US\", provinceCode: \"NY\" }) { cart { id } " + Errors + " } }";

    private async Task OrderFlowAsync(string tag, CancellationToken stop)
    {
        var created = await OnceAsync("cartCreate", CartCreate, new { channel = "orderflow-demo" }, stop);
        if (!created.Ok)
        {
            return;
        }

        var cartId = Id(created, "cart");
        if (!(await OnceAsync("cartLinesAdd", OrderFlowLines, new { id = cartId, n = random.Next(1, 4) }, stop)).Ok
            || !(await RetriedAsync("cartBuyerUpdate", BuyerUpdate, new { id = cartId, email = Email(tag), last = tag }, stop)).Ok
            || !(await RetriedAsync("checkoutBegin", Begin, new { id = cartId }, stop)).Ok
            || !(await RetriedAsync("cartAddressesUpdate", Shipping, new { id = cartId }, stop)).Ok)
        {
            return;
        }

        var key = Key(tag);
        var paid = await PayAsync(Pay, new { id = cartId, key }, key, stop);
        if (paid is { } payload && payload.GetProperty("paymentStatus").GetString() == "PAID")
        {
            Confirm("orderflow-demo", payload.GetProperty("order"), tag, key, []);
        }
    }
}
