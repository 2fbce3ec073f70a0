namespace CommerceGateway.Adapters;

/// <summary>The fulfilment side of an order.</summary>
public enum OrderStatus
{
    /// <summary>Created, waiting for payment.</summary>
    Pending,

    /// <summary>Paid or authorized and accepted by the backend.</summary>
    Placed,

    /// <summary>Shipped (tracking known) or tickets issued.</summary>
    Fulfilled,

    /// <summary>Cancelled before fulfilment.</summary>
    Cancelled,

    /// <summary>Failed (payment failure that the backend does not let the buyer retry).</summary>
    Failed,
}
