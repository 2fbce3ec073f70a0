namespace CommerceGateway.Checkout;

/// <summary>Lifetimes and bounds of the checkout orchestration (section <c>Checkout</c>).</summary>
public sealed class CheckoutOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Checkout";

    /// <summary>How long an untouched cart is kept. Default 2 hours (sliding).</summary>
    public TimeSpan CartLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long orders and bookings are kept for lookups. Default 30 days.</summary>
    public TimeSpan OrderLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a completed payment's idempotency record replays. Default 24 hours.</summary>
    public TimeSpan IdempotencyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a payment's in-progress claim blocks retries with the same key when the outcome is
    /// unknown (timeout). Default 2 minutes.
    /// </summary>
    public TimeSpan PaymentClaimLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest a cart change may hold the cart's lock. Default 30 seconds.</summary>
    public TimeSpan CartLockLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a change waits for another change of the same cart before answering CONFLICT. Default 2 seconds.</summary>
    public TimeSpan CartLockWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The poll hint given while a payment is processing. Default 1 second.</summary>
    public TimeSpan PaymentPollHint { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often each replica looks for orders owing loyalty stages whose retry is due. Default 30 seconds.</summary>
    public TimeSpan LoyaltyRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after an order's first failed loyalty stage; it doubles with each failed retry. Default 30 seconds.</summary>
    public TimeSpan LoyaltyRetryBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two retries of one order. Default 1 hour.</summary>
    public TimeSpan LoyaltyRetryMaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long after the first failure retries go on; then the gateway logs that it gives up and the
    /// order shows the stages as not synced. At most <see cref="OrderLifetime"/>, since the order must
    /// outlive its retries. Default 3 days.
    /// </summary>
    public TimeSpan LoyaltyRetryGiveUpAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// The longest a read or change of an order waits for the loyalty program while retrying owed
    /// stages; a slower program is left to the background follow-up. Default 2 seconds.
    /// </summary>
    public TimeSpan LoyaltyRetryReadTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
