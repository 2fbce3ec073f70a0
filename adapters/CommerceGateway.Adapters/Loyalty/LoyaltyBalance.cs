namespace CommerceGateway.Adapters;

/// <summary>A loyalty member's points balance.</summary>
/// <param name="MemberId">The member's id at the loyalty backend.</param>
/// <param name="Points">Points available.</param>
public sealed record LoyaltyBalance(string MemberId, decimal Points);
