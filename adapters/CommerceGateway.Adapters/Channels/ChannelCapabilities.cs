namespace CommerceGateway.Adapters;

/// <summary>What a channel's backend can do beyond a basic cart and checkout.</summary>
[Flags]
public enum ChannelCapabilities
{
    /// <summary>Nothing beyond cart, checkout, payment and order lookup.</summary>
    None = 0,

    /// <summary>Buyers choose individual seats (seat maps, seat holds).</summary>
    SeatSelection = 1 << 0,

    /// <summary>Seats can be booked (held 45 minutes, committed, purchased later).</summary>
    Bookings = 1 << 1,

    /// <summary>Payment is authorized at checkout and captured later.</summary>
    CaptureLater = 1 << 2,

    /// <summary>Physical goods are shipped: addresses and shipping methods.</summary>
    Shipping = 1 << 3,

    /// <summary>Tickets carry attendee names.</summary>
    AttendeeNames = 1 << 4,

    /// <summary>The backend asks custom form questions at checkout.</summary>
    Forms = 1 << 5,

    /// <summary>An expired checkout can be resumed (inventory re-reserved).</summary>
    Resume = 1 << 6,

    /// <summary>Orders can earn and redeem loyalty rewards.</summary>
    Loyalty = 1 << 7,

    /// <summary>Discount or coupon codes.</summary>
    DiscountCodes = 1 << 8,

    /// <summary>Paid orders can be refunded through the backend.</summary>
    Refunds = 1 << 9,

    /// <summary>Orders can be cancelled through the backend.</summary>
    Cancellation = 1 << 10,

    /// <summary>Products with variants can be browsed.</summary>
    ProductCatalog = 1 << 11,

    /// <summary>Events and sessions can be browsed.</summary>
    EventCatalog = 1 << 12,

    /// <summary>
    /// The backend takes a discount the gateway gives it (a loyalty reward's) off the order, so the
    /// order total and the payment are the discounted amount. Without it a channel can still earn
    /// loyalty points, but a reward cannot be applied: redeeming it would charge the buyer in full.
    /// </summary>
    LoyaltyDiscounts = 1 << 13,
}
