namespace CommerceGateway.Checkout;

/// <summary>Codes the orchestration adds to the adapters' <c>CommerceErrorCodes</c>.</summary>
public static class CheckoutErrorCodes
{
    /// <summary>An idempotency key was reused with a different request.</summary>
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";

    /// <summary>
    /// An earlier payment of the cart never answered and its backend cannot tell what became of it: the
    /// buyer may have been charged, so the gateway does not charge again. Check with the merchant before
    /// paying from a new cart.
    /// </summary>
    public const string PaymentOutcomeUnknown = "PAYMENT_OUTCOME_UNKNOWN";

    /// <summary>The cart, order or booking does not exist or belongs to another client.</summary>
    public const string NotFound = "NOT_FOUND";
}
