namespace CommerceGateway.Adapters;

/// <summary>One lifecycle call for an order at the loyalty backend.</summary>
/// <param name="OrderId">The same order id at every stage.</param>
/// <param name="MemberId">The member, or null for a guest order (linked to no member).</param>
/// <param name="StoreCode">The store the order belongs to.</param>
/// <param name="Status">The stage being reported.</param>
/// <param name="Items">The cart items.</param>
/// <param name="Subtotal">Cart subtotal.</param>
/// <param name="RewardId">The one reward applied, if any.</param>
/// <param name="Discount">The discount computed at checkout; sent again unchanged at later stages.</param>
public sealed record LoyaltyOrder(
    string OrderId,
    string? MemberId,
    string StoreCode,
    LoyaltyOrderStatus Status,
    IReadOnlyList<LoyaltyItem> Items,
    Money Subtotal,
    string? RewardId = null,
    Money? Discount = null);
