namespace CommerceGateway.Adapters.Spendgo.Tests.Infrastructure;

/// <summary>Carts and lifecycle calls many tests share.</summary>
internal static class SpendgoOrders
{
    public const string Downtown = "store-001";
    public const string Airport = "store-002";

    public static Money Usd(decimal amount) => new(amount, CurrencyCode.Usd);

    public static LoyaltyItem Item(string sku, decimal price, int quantity = 1) => new(sku, sku, quantity, Usd(price));

    public static string NewOrderId() => "ord-" + Guid.NewGuid().ToString("N");

    /// <summary>An order whose subtotal is the sum of its items.</summary>
    public static LoyaltyOrder Order(string orderId, string? memberId, LoyaltyOrderStatus status, string? rewardId, Money? discount, string store, params LoyaltyItem[] items) =>
        new(orderId, memberId, store, status, items, items.Aggregate(Usd(0m), (sum, i) => sum + (i.UnitPrice * i.Quantity)), rewardId, discount);

    /// <summary>Reports each stage in turn with the discount checkout returned; returns the last result.</summary>
    public static async Task<LoyaltyOrderResult> RunAsync(LoyaltyBackend backend, LoyaltyOrder checkout, CancellationToken ct, params LoyaltyOrderStatus[] later)
    {
        var result = await backend.SubmitOrderAsync(checkout, ct);
        var discount = checkout.RewardId is null ? (Money?)null : result.Discount;
        foreach (var stage in later)
        {
            result = await backend.SubmitOrderAsync(checkout with { Status = stage, Discount = discount }, ct);
        }

        return result;
    }
}
