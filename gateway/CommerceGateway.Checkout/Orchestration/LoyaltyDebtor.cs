namespace CommerceGateway.Checkout;

/// <summary>Who owes loyalty stages: an order, or a cart whose declined payment made no order.</summary>
internal enum LoyaltyDebtor
{
    Order,
    Cart,
}
