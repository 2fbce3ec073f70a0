namespace CommerceGateway.Soak.Buyers;

/// <summary>An order the gateway told a buyer it placed (paid, or authorized and then captured).</summary>
/// <param name="Channel">The channel it was placed on.</param>
/// <param name="OrderId">The gateway's order id.</param>
/// <param name="Number">The backend's order number, as the gateway reports it.</param>
/// <param name="Total">The total the gateway reported.</param>
/// <param name="Currency">The currency the gateway reported.</param>
/// <param name="Buyer">The buyer's unique tag, also in the email (and OrderFlow name) sent to the backend.</param>
/// <param name="IdempotencyKey">The key the payment was submitted (and retried) with.</param>
/// <param name="SeatIds">Seats the buyer was sold, for booking.</param>
public sealed record ConfirmedOrder(string Channel, string OrderId, string Number, decimal Total, string Currency, string Buyer, string IdempotencyKey, IReadOnlyList<string> SeatIds);
