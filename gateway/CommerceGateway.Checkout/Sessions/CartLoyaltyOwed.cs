using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout;

/// <summary>
/// A void a cart owes its loyalty program: a declined payment made no order, so the cart, not an
/// order, is left holding a placed loyalty order whose reward stays locked until the void is taken.
/// </summary>
/// <param name="Loyalty">
/// The loyalty order to void as it was placed. Kept apart from the cart's attachment because the
/// buyer may change the cart's reward meanwhile, and the void must still name the reward it returns.
/// </param>
/// <param name="Owed">The stages owed (the void), with the same backoff and give-up bookkeeping as an order's.</param>
internal sealed record CartLoyaltyOwed(LoyaltyAttachment Loyalty, LoyaltyStagesOwed Owed);
