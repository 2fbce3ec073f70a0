namespace CommerceGateway.Adapters;

/// <summary>The loyalty backend's answer to a lifecycle call.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Status">The status the backend now holds.</param>
/// <param name="Discount">The reward's discount (zero without a reward).</param>
/// <param name="PointsEarned">Points awarded by this order so far.</param>
/// <param name="Balance">The member's balance after the call, when reported.</param>
public sealed record LoyaltyOrderResult(string OrderId, LoyaltyOrderStatus Status, Money Discount, decimal PointsEarned, decimal? Balance);
