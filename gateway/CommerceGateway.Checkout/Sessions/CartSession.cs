using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout;

/// <summary>A cart as stored: the unified cart plus who owns it.</summary>
/// <param name="Cart">The cart (its Version is the store's).</param>
/// <param name="Owner">The client that created it.</param>
/// <param name="LoyaltyOwed">A loyalty void the cart owes after a declined payment and the gateway retries; null when none.</param>
/// <param name="PaymentInDoubt">A payment submitted whose outcome is not known yet; null when none.</param>
/// <param name="PaidBy">
/// The request (idempotency key and payment, hashed) whose payment the cart shows: that request repeated is
/// answered with it, even when its idempotency record was lost (a store write that failed after the payment).
/// </param>
internal sealed record CartSession(Cart Cart, string Owner, CartLoyaltyOwed? LoyaltyOwed = null, PaymentAttempt? PaymentInDoubt = null, string? PaidBy = null);
