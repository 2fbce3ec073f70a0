using CommerceGateway.GraphQL.Commerce.Resolvers;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Commerce;

/// <summary>Mutation payloads: the changed object and userErrors.</summary>
internal static class PayloadTypes
{
    private const string Errors = "Business failures with stable codes; empty on success.";

    public static void Add(SchemaBuilder builder) => builder
        .Type("CartPayload", o => o
            .Description("The result of a cart or checkout mutation.")
            .Prop("cart", "Cart", "The cart after the change; null when it failed.")
            .Prop("userErrors", "[UserError!]!", Errors))
        .Type("CheckoutPaymentPayload", o => o
            .Description("The result of checkoutSubmitPayment: the payment may be PROCESSING; query the cart for the outcome.")
            .Prop("cart", "Cart", "The cart after the payment.")
            .Prop("order", "Order", "The order, once the backend created one.")
            .Prop("paymentStatus", "PaymentStatus", "The payment status.")
            .Prop("pollAfterSeconds", "Float", "While PROCESSING: how long to wait before querying the cart again.")
            .Prop("failureReason", "String", "Why the payment failed, as the backend said it; set with paymentStatus FAILED, which always comes with a PAYMENT_DECLINED user error carrying the same reason.")
            .Prop("userErrors", "[UserError!]!", Errors))
        .Type("BookingPayload", o => o
            .Description("The result of bookingCreate or bookingCommit.")
            .Prop("booking", "Booking", "The booking after the change.")
            .Prop("userErrors", "[UserError!]!", Errors))
        .Type("OrderPayload", o => o
            .Description("The result of an order mutation or a booking purchase.")
            .Prop("order", "Order", "The order after the change.")
            .Prop("userErrors", "[UserError!]!", Errors));
}
