namespace CommerceGateway.Sandbox.OrderFlow;

/// <summary>Where an OrderFlow order stands in the pipeline.</summary>
internal enum OrderFlowOrderStatus
{
    Pending,
    Invoiced,
    Paid,
    Shipped,
}

/// <summary>An item of an order as the cart call sent it.</summary>
internal sealed record OrderFlowItem(string ProductId, int Quantity, decimal Price);

/// <summary>The invoice of an order; a cart change voids an unpaid invoice.</summary>
internal sealed record OrderFlowInvoice(string Id, string OrderId, string CustomerId, decimal Total, string Currency, string Name, string? Phone, string ShippingAddress)
{
    public bool Void { get; init; }

    public bool Paid { get; init; }
}

/// <summary>A payment taken through the pre-approved billing partner; only masked card digits are kept.</summary>
internal sealed record OrderFlowPayment(
    long TransactionId,
    string InvoiceId,
    decimal Amount,
    string Currency,
    DateTimeOffset CreatedAt,
    DateTimeOffset CompletedAt,
    string FirstName,
    string LastName);

/// <summary>A notification email the sandbox "sent".</summary>
internal sealed record OrderFlowEmail(string Event, string Name, string Email, DateTimeOffset SentAt);

/// <summary>One order, mutated only under the store's lock.</summary>
internal sealed class OrderFlowOrder(string id, string customerId)
{
    public string Id { get; } = id;

    public string CustomerId { get; } = customerId;

    public IReadOnlyList<OrderFlowItem> Items { get; set; } = [];

    public decimal Total { get; set; }

    public decimal Tax { get; set; }

    public decimal Subtotal { get; set; }

    public OrderFlowOrderStatus Status { get; set; }

    public OrderFlowInvoice? Invoice { get; set; }

    public OrderFlowPayment? Payment { get; set; }

    public long? TrackingNumber { get; set; }

    /// <summary>A copy safe to read outside the lock.</summary>
    public OrderFlowOrder Snapshot() => (OrderFlowOrder)MemberwiseClone();
}
