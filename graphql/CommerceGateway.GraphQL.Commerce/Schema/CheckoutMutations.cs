using CommerceGateway.Adapters;
using CommerceGateway.Checkout;
using CommerceGateway.GraphQL.Commerce.Resolvers;
using CommerceGateway.GraphQL.Types.Builders;

namespace CommerceGateway.GraphQL.Commerce;

/// <summary>Checkout mutations: begin, pay (idempotent), resume.</summary>
internal static class CheckoutMutations
{
    public static void Add(ObjectTypeBuilder m)
    {
        m.CartMutation("checkoutBegin", "Begins checkout: the cart then lists the ordered steps its backend requires and the current one.", _ => { }, call =>
            call.Carts.BeginCheckoutAsync(call.Client, call.Str("cartId"), call.Version, call.Cancellation), CommerceAccess.Checkout);
        m.CartMutation(
            "checkoutResume",
            "Resumes an expired checkout by holding its items again, repriced by the backend (cost shows the total the next payment must equal); SOLD_OUT when they are gone. " +
            "INVALID_STEP on a paid cart. Seated channels hold the same seats, or with allowAlternativeSeats the best available seats of the same session and rate.",
            f => f.Arg("allowAlternativeSeats", "Boolean!", "When a held seat was taken meanwhile, hold the best available seats of the same session and rate instead of failing with SOLD_OUT.", "false"),
            call => call.Carts.ResumeCheckoutAsync(call.Client, call.Str("cartId"), call.Version, new CheckoutResumeOptions(call.Bool("allowAlternativeSeats")), call.Cancellation),
            CommerceAccess.Checkout);
        m.Field("checkoutSubmitPayment", "CheckoutPaymentPayload!", f => f
            .Description(
                "Pays the cart's total with a PSP token or transaction id. The same idempotency key replays the same result and never pays twice, " +
                "on any gateway replica; the same key with a different request is IDEMPOTENCY_KEY_REUSED. A decline, on every channel, is paymentStatus FAILED with failureReason and one " +
                "PAYMENT_DECLINED user error (field payment, the same reason) beside them. A payment that answered PROCESSING and is declined later shows on the cart " +
                "(checkout.status PAYMENT_FAILED, checkout.failureReason), and replaying its key answers FAILED with PAYMENT_DECLINED. The cart is back at PAYMENT: pay again with a new key. " +
                "After a payment got no answer (BACKEND_TIMEOUT or BACKEND_UNAVAILABLE), the next payment of the cart, with any key, asks the backend what it did first and answers that; " +
                "where the channel cannot tell, it is PAYMENT_OUTCOME_UNKNOWN and the cart is never charged again.")
            .Arg("cartId", "ID!", "The cart.")
            .Arg("payment", "PaymentInput!", "The PSP reference.")
            .Arg("idempotencyKey", "String!", "A key unique to this payment attempt, 1 to 255 characters.")
            .ResolveCommerce(CommerceAccess.Checkout, async call =>
            {
                if (!PaymentInputs.TryRead(call.Map("payment"), out var payment, out var error))
                {
                    return Shape(CheckoutResult.Fail<PaymentResult>([error!]));
                }

                return Shape(await call.Payments.SubmitPaymentAsync(call.Client, call.Str("cartId"), payment, call.Str("idempotencyKey"), call.Cancellation));
            }));
    }

    private static Dictionary<string, object?> Shape(CheckoutResult<PaymentResult> result) => new(StringComparer.Ordinal)
    {
        ["cart"] = result.Value?.Cart,
        ["order"] = result.Value?.Order,
        ["paymentStatus"] = result.Value?.Status,
        ["pollAfterSeconds"] = result.Value?.PollAfter?.TotalSeconds,
        ["failureReason"] = result.Value?.FailureReason,
        ["userErrors"] = result.Errors,
    };
}
