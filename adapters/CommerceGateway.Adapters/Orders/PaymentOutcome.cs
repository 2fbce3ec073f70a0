namespace CommerceGateway.Adapters;

/// <summary>What submitting (or polling) a payment led to.</summary>
/// <param name="Cart">The cart after the call (its checkout shows Processing, Complete or PaymentFailed).</param>
/// <param name="Status">The payment status.</param>
/// <param name="Order">The order, when the backend created one.</param>
/// <param name="FailureReason">Why the payment failed, as the backend said it.</param>
/// <param name="PollAfter">While processing: when to ask again.</param>
public sealed record PaymentOutcome(Cart Cart, PaymentStatus Status, Order? Order = null, string? FailureReason = null, TimeSpan? PollAfter = null);
