namespace CommerceGateway.Adapters;

/// <summary>Where a cart's checkout stands.</summary>
public enum CheckoutStatus
{
    /// <summary>Still collecting what the steps need (or not begun).</summary>
    Open,

    /// <summary>Payment submitted and being processed; poll for the outcome.</summary>
    Processing,

    /// <summary>Paid and ordered.</summary>
    Complete,

    /// <summary>The payment failed; the checkout is back at the payment step.</summary>
    PaymentFailed,

    /// <summary>The reservation lapsed; resume when the backend supports it.</summary>
    Expired,

    /// <summary>
    /// Placed without payment: the backend keeps the order as a wait-list request or a reservation for
    /// items not yet on sale, and nothing is due now (the backend asks for payment later, if ever).
    /// </summary>
    Submitted,
}
