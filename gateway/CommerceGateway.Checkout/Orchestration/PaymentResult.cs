using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout;

/// <summary>The state of a cart's payment after a submit, a replay or a poll.</summary>
/// <param name="Cart">The cart as stored.</param>
/// <param name="Status">The payment status.</param>
/// <param name="Order">The order, once the backend created one.</param>
/// <param name="FailureReason">Why the payment failed.</param>
/// <param name="PollAfter">While processing: when to ask again.</param>
public sealed record PaymentResult(Cart Cart, PaymentStatus Status, OrderRecord? Order, string? FailureReason, TimeSpan? PollAfter);
