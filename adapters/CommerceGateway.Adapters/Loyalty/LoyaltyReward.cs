namespace CommerceGateway.Adapters;

/// <summary>A reward a member can apply to an order at a store.</summary>
/// <param name="Id">The backend's reward id.</param>
/// <param name="Title">Display title.</param>
/// <param name="Description">What it gives and the rules, as text.</param>
/// <param name="MinimumSubtotal">Smallest cart subtotal it applies to, when it has one.</param>
public sealed record LoyaltyReward(string Id, string Title, string? Description = null, Money? MinimumSubtotal = null);
