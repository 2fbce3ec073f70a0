using CommerceGateway.Checkout;
using CommerceGateway.GraphQL.Commerce.Resolvers;
using CommerceGateway.GraphQL.Types.Builders;

namespace CommerceGateway.GraphQL.Commerce;

/// <summary>Booking mutations: hold (cart) -> booking with its deadline -> commit with the amount paid -> purchase.</summary>
internal static class BookingMutations
{
    public static void Add(ObjectTypeBuilder m) => m
        .Field("bookingCreate", "BookingPayload!", f => f
            .Description("Turns the cart's held seats into a booking, held until its deadline (45 minutes at OneBox-style backends).")
            .Arg("cartId", "ID!", "The cart.")
            .ResolveCommerce(CommerceAccess.Checkout, async call =>
                SchemaDsl.Payload(await call.Checkout.CreateBookingAsync(call.Client, call.Str("cartId"), call.Cancellation), "booking")))
        .Field("bookingCommit", "BookingPayload!", f => f
            .Description("Commits a booking with the amount the client collected (payment.amount, default the total); UNDERPAID when short. Idempotent per key.")
            .Arg("bookingId", "ID!", "The booking.")
            .Arg("payment", "PaymentInput!", "The PSP reference and the amount collected.")
            .Arg("idempotencyKey", "String!", "A key unique to this commit.")
            .ResolveCommerce(CommerceAccess.Checkout, async call =>
                !PaymentInputs.TryRead(call.Map("payment"), out var payment, out var error)
                    ? SchemaDsl.Payload(CheckoutResult.Fail<BookingRecord>([error!]), "booking")
                    : SchemaDsl.Payload(await call.Checkout.CommitBookingAsync(call.Client, call.Str("bookingId"), payment, call.Str("idempotencyKey"), call.Cancellation), "booking")))
        .Field("bookingPurchase", "OrderPayload!", f => f
            .Description("Purchases a committed booking (all items, or the chosen ones), creating an order. Idempotent per key.")
            .Arg("bookingId", "ID!", "The booking.")
            .Arg("itemIds", "[ID!]", "The items to purchase; all when omitted. The others are released.")
            .Arg("payment", "PaymentInput!", "The PSP reference for anything still due.")
            .Arg("idempotencyKey", "String!", "A key unique to this purchase.")
            .ResolveCommerce(CommerceAccess.Checkout, async call =>
                !PaymentInputs.TryRead(call.Map("payment"), out var payment, out var error)
                    ? SchemaDsl.Payload(CheckoutResult.Fail<OrderRecord>([error!]), "order")
                    : SchemaDsl.Payload(await call.Checkout.PurchaseBookingAsync(call.Client, call.Str("bookingId"), call.Strings("itemIds"), payment, call.Str("idempotencyKey"), call.Cancellation), "order")));
}
