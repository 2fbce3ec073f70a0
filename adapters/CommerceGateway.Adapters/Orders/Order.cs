namespace CommerceGateway.Adapters;

/// <summary>An order created by a checkout.</summary>
public sealed record Order
{
    /// <summary>The backend's order id.</summary>
    public required string Id { get; init; }

    /// <summary>The channel the order was placed on.</summary>
    public required string Channel { get; init; }

    /// <summary>A human-facing order number, when it differs from the id.</summary>
    public string? Number { get; init; }

    /// <summary>Fulfilment status.</summary>
    public required OrderStatus Status { get; init; }

    /// <summary>Payment status.</summary>
    public required PaymentStatus PaymentStatus { get; init; }

    /// <summary>The order total.</summary>
    public required Money Total { get; init; }

    /// <summary>Captured so far.</summary>
    public required Money AmountPaid { get; init; }

    /// <summary>Refunded so far.</summary>
    public required Money AmountRefunded { get; init; }

    /// <summary>The PSP transaction id the payment was made with, kept for capture and refunds.</summary>
    public string? PspTransactionId { get; init; }

    /// <summary>Why the payment or capture failed, as the backend said it.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The lines.</summary>
    public IReadOnlyList<OrderLine> Lines { get; init; } = [];

    /// <summary>Shipments with tracking numbers.</summary>
    public IReadOnlyList<Shipment> Shipments { get; init; } = [];

    /// <summary>The backend's events for this order, oldest first.</summary>
    public IReadOnlyList<OrderEvent> Events { get; init; } = [];

    /// <summary>When the order was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Adapter-owned identifiers.</summary>
    public BackendData Backend { get; init; } = BackendData.Empty;
}
