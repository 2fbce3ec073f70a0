using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout;

/// <summary>The failures and input checks more than one checkout service reports the same way.</summary>
internal static class CheckoutFailures
{
    public static CheckoutResult<T> NotFound<T>(string what, string id) =>
        CheckoutResult.Fail<T>(CheckoutErrorCodes.NotFound, $"No {what} '{id}' exists for this client.", what + "Id");

    public static CheckoutResult<T> Fail<T>(CommerceException e) =>
        CheckoutResult.Fail<T>(e.Code, e.Message, (e as BackendRejectedException)?.Field);

    /// <summary>Why a payment reference is unusable: neither or both of a PSP token and a PSP transaction id.</summary>
    public static UserError? ValidateReference(PaymentRequest payment) =>
        (string.IsNullOrWhiteSpace(payment.PspToken), string.IsNullOrWhiteSpace(payment.PspTransactionId)) switch
        {
            (true, true) => new UserError(CommerceErrorCodes.InvalidInput, "Give a PSP token or a PSP transaction id.", "payment"),
            (false, false) => new UserError(CommerceErrorCodes.InvalidInput, "Give a PSP token or a PSP transaction id, not both.", "payment"),
            _ => null,
        };
}
