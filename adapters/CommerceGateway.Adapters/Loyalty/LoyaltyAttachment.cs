namespace CommerceGateway.Adapters;

/// <summary>The loyalty member, store and reward attached to a cart.</summary>
/// <param name="Program">The loyalty channel (configured loyalty backend).</param>
/// <param name="MemberId">The member; null for a guest order.</param>
/// <param name="StoreCode">The store.</param>
/// <param name="RewardId">The applied reward, if any (one per order).</param>
/// <param name="Discount">The discount the backend computed for it.</param>
/// <param name="Status">The last lifecycle stage reported.</param>
/// <param name="OrderId">
/// The order id used with the loyalty backend, the same at every stage; a new one is used when a
/// voided attempt is followed by another payment.
/// </param>
public sealed record LoyaltyAttachment(string Program, string? MemberId, string StoreCode, string? RewardId = null, Money? Discount = null, LoyaltyOrderStatus? Status = null, string? OrderId = null);
