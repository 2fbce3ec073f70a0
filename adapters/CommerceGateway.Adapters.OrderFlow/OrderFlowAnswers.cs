namespace CommerceGateway.Adapters.OrderFlow;

/// <summary>The cart call's answer (CartUpdated): the order id and its tax-inclusive totals.</summary>
internal sealed record CartAnswer(string OrderId, Money Tax, Money Subtotal, Money Total);

/// <summary>The invoice call's answer (InvoiceCreated). <see cref="Created"/> is false when the backend returned the open invoice again.</summary>
internal sealed record InvoiceAnswer(string InvoiceId, Money Total, bool Created);

/// <summary>The payment call's answer (PaymentProcessed); card details are not kept.</summary>
internal sealed record PaymentAnswer(string TransactionId, Money Amount, DateTimeOffset CompletedAt);

/// <summary>A payment the backend refused as a business outcome (declined, capture failed).</summary>
internal sealed record PaymentRefusal(string Code, string Reason);
