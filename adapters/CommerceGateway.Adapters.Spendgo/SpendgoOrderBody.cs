using System.Text.Json.Nodes;

namespace CommerceGateway.Adapters.Spendgo;

/// <summary>
/// The body of an orders call: <c>{order_id, store_code, status, currency, items[{sku, name,
/// quantity, price}], subtotal, reward{id}, discount}</c>. Amounts are exact JSON numbers.
/// Checkout leaves the discount out (Spendgo computes it); later stages send it back unchanged.
/// </summary>
internal static class SpendgoOrderBody
{
    public static string Status(LoyaltyOrderStatus status) => status.ToString().ToLowerInvariant();

    public static JsonObject Of(LoyaltyOrder order)
    {
        var body = new JsonObject
        {
            ["order_id"] = order.OrderId,
            ["store_code"] = order.StoreCode,
            ["status"] = Status(order.Status),
            ["currency"] = order.Subtotal.Currency.Code,
            ["items"] = new JsonArray([.. order.Items.Select(i => (JsonNode)new JsonObject
            {
                ["sku"] = i.Sku,
                ["name"] = i.Name,
                ["quantity"] = i.Quantity,
                ["price"] = i.UnitPrice.Amount,
            })]),
            ["subtotal"] = order.Subtotal.Amount,
        };
        if (order.RewardId is not null)
        {
            body["reward"] = new JsonObject { ["id"] = order.RewardId };
        }

        if (order.Discount is { } discount && order.Status != LoyaltyOrderStatus.Checkout)
        {
            body["discount"] = discount.Amount;
        }

        return body;
    }
}
