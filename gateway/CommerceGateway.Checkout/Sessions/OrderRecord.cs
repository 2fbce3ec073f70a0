using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout;

/// <summary>An order as stored: the gateway's unguessable id, the backend's order, and its owner.</summary>
/// <param name="Id">The gateway's order id.</param>
/// <param name="Owner">The client that placed it.</param>
/// <param name="CartId">The cart it came from.</param>
/// <param name="Order">The backend's order.</param>
/// <param name="Loyalty">The loyalty attachment carried over from the cart.</param>
/// <param name="LoyaltyOwed">Loyalty stages the program has not accepted yet and the gateway retries; null when in step.</param>
public sealed record OrderRecord(string Id, string Owner, string CartId, Order Order, LoyaltyAttachment? Loyalty, LoyaltyStagesOwed? LoyaltyOwed = null);
