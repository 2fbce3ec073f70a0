namespace CommerceGateway.Checkout;

/// <summary>Codes the orchestration adds to the adapters' <c>CommerceErrorCodes</c>.</summary>
public static class CheckoutErrorCodes
{
    /// <summary>An idempotency key was reused with a different request.</summary>
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";

    /// <summary>The cart, order or booking does not exist or belongs to another client.</summary>
    public const string NotFound = "NOT_FOUND";
}
