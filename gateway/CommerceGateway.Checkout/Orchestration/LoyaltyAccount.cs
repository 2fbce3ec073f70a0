using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout;

/// <summary>A member's loyalty account at a store.</summary>
/// <param name="Balance">Points balance.</param>
/// <param name="Rewards">Rewards usable at the store.</param>
public sealed record LoyaltyAccount(LoyaltyBalance Balance, IReadOnlyList<LoyaltyReward> Rewards);
