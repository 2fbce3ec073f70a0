using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout;

/// <summary>What a client sends to pay: a PSP reference, never card data.</summary>
/// <param name="PspToken">A payment token from the PSP.</param>
/// <param name="PspTransactionId">Or the id of a transaction the PSP already authorized.</param>
/// <param name="PspName">The PSP's name, when the backend wants it.</param>
/// <param name="Amount">
/// The amount paid. For a cart payment it must equal the cart's total when given (clients never set
/// prices); for a booking commit it is the amount the client collected.
/// </param>
public sealed record PaymentRequest(string? PspToken, string? PspTransactionId, string? PspName = null, Money? Amount = null)
{
    /// <summary>Redacts the PSP reference.</summary>
    public override string ToString() => $"PaymentRequest {{ Amount = {Amount}, Reference = [redacted] }}";
}
