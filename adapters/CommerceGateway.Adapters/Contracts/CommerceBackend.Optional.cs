namespace CommerceGateway.Adapters;

/// <content>Operations that depend on a capability; each throws NotSupported unless overridden.</content>
public abstract partial class CommerceBackend
{
    /// <summary>Browses products. Needs <see cref="ChannelCapabilities.ProductCatalog"/>.</summary>
    public virtual Task<CatalogPage<Product>> GetProductsAsync(CatalogQuery query, CancellationToken cancellationToken) =>
        NotSupported<CatalogPage<Product>>(ChannelCapabilities.ProductCatalog);

    /// <summary>Browses events and their sessions. Needs <see cref="ChannelCapabilities.EventCatalog"/>.</summary>
    public virtual Task<CatalogPage<EventListing>> GetEventsAsync(CatalogQuery query, CancellationToken cancellationToken) =>
        NotSupported<CatalogPage<EventListing>>(ChannelCapabilities.EventCatalog);

    /// <summary>The seat map of a session. Needs <see cref="ChannelCapabilities.SeatSelection"/>.</summary>
    public virtual Task<SeatMap> GetSeatMapAsync(string sessionId, CancellationToken cancellationToken) =>
        NotSupported<SeatMap>(ChannelCapabilities.SeatSelection);

    /// <summary>Sets shipping and/or billing address. Needs <see cref="ChannelCapabilities.Shipping"/>.</summary>
    public virtual Task<Cart> UpdateAddressesAsync(Cart cart, Address? shipping, Address? billing, CancellationToken cancellationToken) =>
        NotSupported<Cart>(ChannelCapabilities.Shipping);

    /// <summary>The shipping methods available for the cart. Needs <see cref="ChannelCapabilities.Shipping"/>.</summary>
    public virtual Task<IReadOnlyList<ShippingOption>> GetShippingOptionsAsync(Cart cart, CancellationToken cancellationToken) =>
        NotSupported<IReadOnlyList<ShippingOption>>(ChannelCapabilities.Shipping);

    /// <summary>Chooses a shipping method. Needs <see cref="ChannelCapabilities.Shipping"/>.</summary>
    public virtual Task<Cart> SelectShippingOptionAsync(Cart cart, string optionId, CancellationToken cancellationToken) =>
        NotSupported<Cart>(ChannelCapabilities.Shipping);

    /// <summary>Names the attendees of tickets. Needs <see cref="ChannelCapabilities.AttendeeNames"/>.</summary>
    public virtual Task<Cart> UpdateAttendeesAsync(Cart cart, IReadOnlyList<Attendee> attendees, CancellationToken cancellationToken) =>
        NotSupported<Cart>(ChannelCapabilities.AttendeeNames);

    /// <summary>Answers the backend's checkout form. Needs <see cref="ChannelCapabilities.Forms"/>.</summary>
    public virtual Task<Cart> UpdateFormAnswersAsync(Cart cart, IReadOnlyList<FormAnswer> answers, CancellationToken cancellationToken) =>
        NotSupported<Cart>(ChannelCapabilities.Forms);

    /// <summary>Applies a discount code. Needs <see cref="ChannelCapabilities.DiscountCodes"/>.</summary>
    public virtual Task<Cart> ApplyDiscountCodeAsync(Cart cart, string code, CancellationToken cancellationToken) =>
        NotSupported<Cart>(ChannelCapabilities.DiscountCodes);

    /// <summary>Removes a discount code. Needs <see cref="ChannelCapabilities.DiscountCodes"/>.</summary>
    public virtual Task<Cart> RemoveDiscountCodeAsync(Cart cart, string code, CancellationToken cancellationToken) =>
        NotSupported<Cart>(ChannelCapabilities.DiscountCodes);

    /// <summary>
    /// Takes a loyalty reward's discount off the backend's cart (null removes it), replacing any discount
    /// applied before, and returns the cart with the backend's totals: <see cref="CartTotals.Total"/>
    /// discounted and <see cref="CartTotals.LoyaltyDiscount"/> set. The discount must stay on the order
    /// the payment creates, so the order total and the amount charged are both the discounted amount.
    /// Needs <see cref="ChannelCapabilities.LoyaltyDiscounts"/> to apply one; a backend that can hold a
    /// discount should still remove it (null) after the capability is switched off in configuration.
    /// </summary>
    public virtual Task<Cart> ApplyLoyaltyDiscountAsync(Cart cart, Money? discount, CancellationToken cancellationToken) =>
        NotSupported<Cart>(ChannelCapabilities.LoyaltyDiscounts);

    /// <summary>Resumes an expired checkout, re-reserving inventory. Needs <see cref="ChannelCapabilities.Resume"/>.</summary>
    public virtual Task<Cart> ResumeCheckoutAsync(Cart cart, CancellationToken cancellationToken) =>
        NotSupported<Cart>(ChannelCapabilities.Resume);

    /// <summary>
    /// Resumes an expired checkout with what the buyer accepts instead of the same items
    /// (<paramref name="options"/>). Needs <see cref="ChannelCapabilities.Resume"/>. Backends without
    /// alternatives ignore the options: by default this is <see cref="ResumeCheckoutAsync(Cart, CancellationToken)"/>.
    /// </summary>
    public virtual Task<Cart> ResumeCheckoutAsync(Cart cart, CheckoutResumeOptions options, CancellationToken cancellationToken) =>
        ResumeCheckoutAsync(cart, cancellationToken);

    /// <summary>Captures an authorized payment (all of it when <paramref name="amount"/> is null). Needs <see cref="ChannelCapabilities.CaptureLater"/>.</summary>
    public virtual Task<Order> CaptureAsync(Order order, Money? amount, CancellationToken cancellationToken) =>
        NotSupported<Order>(ChannelCapabilities.CaptureLater);

    /// <summary>Refunds part or all of a paid order. Needs <see cref="ChannelCapabilities.Refunds"/>.</summary>
    public virtual Task<Order> RefundAsync(Order order, Money amount, string? reason, CancellationToken cancellationToken) =>
        NotSupported<Order>(ChannelCapabilities.Refunds);

    /// <summary>Cancels an order. Needs <see cref="ChannelCapabilities.Cancellation"/>.</summary>
    public virtual Task<Order> CancelAsync(Order order, CancellationToken cancellationToken) =>
        NotSupported<Order>(ChannelCapabilities.Cancellation);

    /// <summary>Turns the cart into a booking that holds its seats until committed. Needs <see cref="ChannelCapabilities.Bookings"/>.</summary>
    public virtual Task<Booking> CreateBookingAsync(Cart cart, CancellationToken cancellationToken) =>
        NotSupported<Booking>(ChannelCapabilities.Bookings);

    /// <summary>Commits a booking with the amount paid, which must cover the total. Needs <see cref="ChannelCapabilities.Bookings"/>.</summary>
    public virtual Task<Booking> CommitBookingAsync(Booking booking, PaymentInstruction payment, CancellationToken cancellationToken) =>
        NotSupported<Booking>(ChannelCapabilities.Bookings);

    /// <summary>
    /// Turns a committed booking (or chosen items of it) into a purchase. What the booking's commit paid
    /// counts toward it: <paramref name="payment"/> is what is still due, or null when nothing is, and
    /// the backend must never be asked to collect more. A purchase that already went through is
    /// returned as it is, without collecting again. Needs <see cref="ChannelCapabilities.Bookings"/>.
    /// </summary>
    public virtual Task<Order> PurchaseBookingAsync(Booking booking, IReadOnlyList<string>? itemIds, PaymentInstruction? payment, CancellationToken cancellationToken) =>
        NotSupported<Order>(ChannelCapabilities.Bookings);

    /// <summary>Reads the current state of a booking. Needs <see cref="ChannelCapabilities.Bookings"/>.</summary>
    public virtual Task<Booking> GetBookingAsync(Booking booking, CancellationToken cancellationToken) =>
        NotSupported<Booking>(ChannelCapabilities.Bookings);
}
