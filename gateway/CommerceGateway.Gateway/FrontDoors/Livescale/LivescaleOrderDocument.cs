using CommerceGateway.Adapters;

namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>
/// A Livescale order: made by <c>POST /orders</c> before any payment, then told of the authorization
/// and the capture by <c>PUT /orders/{id}</c>. The backend's order (the checkout core's order record)
/// is made when the backend is paid: at the authorization on a channel that captures later, at the
/// capture otherwise.
/// </summary>
internal sealed record LivescaleOrderDocument(string Id, string Owner, string Channel, string CartId, decimal Total, string Currency)
{
    /// <summary><c>PENDING</c>, <c>NEW</c> (authorized) or <c>FAILED</c>.</summary>
    public string Status { get; init; } = "PENDING";

    /// <summary><c>PENDING</c>, <c>AUTHORIZED</c>, <c>PROCESSING</c>, <c>PAID</c> or <c>FAILED</c>.</summary>
    public string PaymentStatus { get; init; } = "PENDING";

    public decimal Paid { get; init; }

    /// <summary>The PSP transaction Livescale authorized, kept for refunds and other post-order work.</summary>
    public string? PspTransactionId { get; init; }

    public string? PspName { get; init; }

    public string? CardType { get; init; }

    /// <summary>Why the authorization or the capture failed.</summary>
    public string? Reason { get; init; }

    /// <summary>The checkout core's order id once the backend has the order (what <c>/graphql</c>'s <c>order(id:)</c> reads).</summary>
    public string? MerchantOrderId { get; init; }

    /// <summary>Capture attempts so far; each failed one is retried under a new idempotency key.</summary>
    public int CaptureAttempts { get; init; }

    public Money TotalMoney => new(Total, CurrencyCode.Parse(Currency));
}
