using System.Text.Json;

namespace CommerceGateway.Soak.Buyers;

/// <content>loyalty-demo: a channel that authorizes at checkout and captures afterwards.</content>
public sealed partial class Buyer
{
    private const string ShopLines = "mutation($id: ID!, $n: Int!) { cartLinesAdd(cartId: $id, lines: [{ merchandiseId: \"TEE-M\", quantity: $n }, { merchandiseId: \"MUG\", quantity: 1 }]) { cart { id } " + Errors + " } }";

    private const string AuthorizeAmount = "mutation($id: ID!, $key: String!, $amount: Decimal!, $currency: String!) { checkoutSubmitPayment(cartId: $id, idempotencyKey: $key, payment: { pspToken: \"tok_visa\", pspName: \"stripe\", amount: { amount: $amount, currencyCode: $currency } }) { paymentStatus " + OrderFields + " " + Errors + " } }";

    private const string Capture = "mutation($id: ID!) { orderCapture(orderId: $id) { order { id number paymentStatus total { amount currencyCode } amountPaid { amount } } " + Errors + " } }";

    private async Task LoyaltyAsync(string tag, CancellationToken stop)
    {
        var created = await OnceAsync("cartCreate", CartCreate, new { channel = "loyalty-demo" }, stop);
        if (!created.Ok)
        {
            return;
        }

        var cartId = Id(created, "cart");
        if (!(await OnceAsync("cartLinesAdd", ShopLines, new { id = cartId, n = random.Next(1, 3) }, stop)).Ok
            || !(await RetriedAsync("cartBuyerUpdate", BuyerUpdate, new { id = cartId, email = Email(tag), last = tag }, stop)).Ok)
        {
            return;
        }

        var begun = await RetriedAsync("checkoutBegin", Begin, new { id = cartId }, stop);
        if (!begun.Ok)
        {
            return;
        }

        var total = begun.Payload.GetProperty("cart").GetProperty("cost").GetProperty("total");
        var key = Key(tag);
        var authorized = await PayAsync(
            AuthorizeAmount,
            new { id = cartId, key, amount = total.GetProperty("amount").GetString(), currency = total.GetProperty("currencyCode").GetString() },
            key,
            stop);
        if (authorized is not { } payload || payload.GetProperty("order").ValueKind != JsonValueKind.Object)
        {
            return;
        }

        // A capture retried after a lost answer must not take the money twice: the backend refuses a second capture.
        var orderId = payload.GetProperty("order").GetProperty("id").GetString();
        var captured = await RetriedAsync("orderCapture", Capture, new { id = orderId }, stop);
        if (!captured.Ok)
        {
            Refused("orderCapture", captured, key);
        }
        else if (captured.Payload.GetProperty("order").GetProperty("paymentStatus").GetString() == "PAID")
        {
            var order = captured.Payload.GetProperty("order");
            Confirm("loyalty-demo", order, tag, key, []);
        }
    }
}
