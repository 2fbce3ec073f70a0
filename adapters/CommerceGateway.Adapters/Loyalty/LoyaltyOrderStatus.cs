namespace CommerceGateway.Adapters;

/// <summary>The loyalty order lifecycle.</summary>
public enum LoyaltyOrderStatus
{
    /// <summary>Cart priced; the reward is validated and its discount computed. Re-sent when the cart changes.</summary>
    Checkout,

    /// <summary>Order placed; the reward is locked.</summary>
    Placed,

    /// <summary>Payment taken; the reward is consumed.</summary>
    Billed,

    /// <summary>Fulfilled; points are awarded.</summary>
    Completed,

    /// <summary>Payment failed or the order was abandoned; the reward is returned.</summary>
    Voided,

    /// <summary>Refunded; the reward is returned and earned points removed.</summary>
    Refunded,
}
