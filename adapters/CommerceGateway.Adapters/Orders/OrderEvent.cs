namespace CommerceGateway.Adapters;

/// <summary>
/// Something that happened to an order at the backend, in its own vocabulary (OrderFlow's
/// CartUpdated, InvoiceCreated, PaymentProcessed, OrderShipped; a payment status change...), so
/// the order's timeline can show the backend's pipeline.
/// </summary>
/// <param name="Name">The event's name as the backend calls it.</param>
/// <param name="OccurredAt">When it happened (the backend's time when it gives one, else when the adapter saw it).</param>
/// <param name="Detail">A short detail without personal data or payment references, e.g. "invoice 42".</param>
public sealed record OrderEvent(string Name, DateTimeOffset OccurredAt, string? Detail = null);
