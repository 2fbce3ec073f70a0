namespace CommerceGateway.Adapters;

/// <summary>
/// The unified cart. Adapters return it from every cart operation; the gateway stores it in the
/// session store between calls, so a cart survives restarts and moves between replicas.
/// </summary>
public sealed record Cart
{
    /// <summary>The gateway's id for the cart.</summary>
    public required string Id { get; init; }

    /// <summary>The channel (configured backend instance) the cart belongs to.</summary>
    public required string Channel { get; init; }

    /// <summary>The cart's currency; every amount in it uses this currency.</summary>
    public required CurrencyCode Currency { get; init; }

    /// <summary>The lines.</summary>
    public IReadOnlyList<CartLine> Lines { get; init; } = [];

    /// <summary>The buyer, once known.</summary>
    public Buyer? Buyer { get; init; }

    /// <summary>Where to ship, when the cart ships anything.</summary>
    public Address? ShippingAddress { get; init; }

    /// <summary>Billing address, when the backend asks for one.</summary>
    public Address? BillingAddress { get; init; }

    /// <summary>The chosen shipping or delivery method.</summary>
    public ShippingOption? ShippingOption { get; init; }

    /// <summary>Discount codes applied to the cart.</summary>
    public IReadOnlyList<string> DiscountCodes { get; init; } = [];

    /// <summary>Answers given to the backend's form.</summary>
    public IReadOnlyList<FormAnswer> FormAnswers { get; init; } = [];

    /// <summary>Amounts as the backend computed them.</summary>
    public required CartTotals Totals { get; init; }

    /// <summary>When the backend drops the cart or its reservations, if it does.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The checkout state.</summary>
    public CheckoutState Checkout { get; init; } = CheckoutState.NotStarted;

    /// <summary>The loyalty member and reward attached to the cart.</summary>
    public LoyaltyAttachment? Loyalty { get; init; }

    /// <summary>The order created by checkout, once there is one.</summary>
    public string? OrderId { get; init; }

    /// <summary>Version in the session store; the gateway sets it, adapters leave it alone.</summary>
    public long Version { get; init; }

    /// <summary>Adapter-owned identifiers (backend basket id and the like).</summary>
    public BackendData Backend { get; init; } = BackendData.Empty;

    /// <summary>The line with <paramref name="lineId"/>, or null.</summary>
    public CartLine? FindLine(string lineId) => Lines.FirstOrDefault(l => l.Id == lineId);
}
