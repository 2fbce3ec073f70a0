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
                SchemaDsl.Payload(await call.Bookings.CreateBookingAsync(call.Client, call.Str("cartId"), call.Cancellation), "booking")))
        .Field("bookingCommit", "BookingPayload!", f => f
            .Description(
                "Commits a held booking with the amount the client collected (payment.amount, default the total); UNDERPAID when short. " +
                "The same idempotency key replays the commit; once committed, another commit is INVALID_STEP and collects nothing.")
            .Arg("bookingId", "ID!", "The booking.")
            .Arg("payment", "PaymentInput!", "The PSP reference and the amount collected.")
            .Arg("idempotencyKey", "String!", "A key unique to this commit.")
            .ResolveCommerce(CommerceAccess.Checkout, async call =>
                !PaymentInputs.TryRead(call.Map("payment"), out var payment, out var error)
                    ? SchemaDsl.Payload(CheckoutResult.Fail<BookingRecord>([error!]), "booking")
                    : SchemaDsl.Payload(await call.Bookings.CommitBookingAsync(call.Client, call.Str("bookingId"), payment, call.Str("idempotencyKey"), call.Cancellation), "booking")))
        .Field("bookingPurchase", "OrderPayload!", f => f
            .Description(
                "Purchases a committed booking (all items, or the chosen ones; the others are released), creating an order. It collects only what the commit " +
                "did not pay: the chosen items' price (plus the booking's charges that are not items, such as delivery) less booking.amountPaid, never below zero. " +
                "The same idempotency key replays the purchase; once purchased, another purchase is INVALID_STEP and collects nothing.")
            .Arg("bookingId", "ID!", "The booking.")
            .Arg("itemIds", "[ID!]", "The items to purchase; all when omitted. The others are released.")
            .Arg("payment", "PaymentInput", "The PSP reference for what is still due; its amount, when given, must equal it. Leave it out when nothing is due (INVALID_INPUT if sent).")
            .Arg("idempotencyKey", "String!", "A key unique to this purchase.")
            .ResolveCommerce(CommerceAccess.Checkout, async call =>
            {
                PaymentRequest? payment = null;
                if (call.Map("payment") is { } input && !PaymentInputs.TryRead(input, out payment, out var error))
                {
                    return SchemaDsl.Payload(CheckoutResult.Fail<OrderRecord>([error!]), "order");
                }

                return SchemaDsl.Payload(await call.Bookings.PurchaseBookingAsync(call.Client, call.Str("bookingId"), call.Strings("itemIds"), payment, call.Str("idempotencyKey"), call.Cancellation), "order");
            }));
}
