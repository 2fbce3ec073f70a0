using CommerceGateway.Adapters;
using CommerceGateway.Checkout;
using CommerceGateway.GraphQL.Commerce.Resolvers;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Commerce;

/// <summary>Bookings: held seats against an order that is committed and purchased later.</summary>
internal static class BookingTypes
{
    public static void Add(SchemaBuilder builder) => builder
        .Enum("BookingStatus", e => e.Description("Where a booking stands.").Values<BookingStatus>())
        .Type("BookingItem", o => o
            .Description("One seat or ticket of a booking.")
            .Prop("id", "ID!", "The item id, for bookingPurchase's itemIds.")
            .Prop("price", "Money!", "Price of the item.")
            .Prop("seatId", "ID", "The seat, for seated events.")
            .Prop("sessionId", "ID", "The event session.")
            .Prop("ticketCode", "String", "Barcode, once issued."))
        .Type("Booking", o => o
            .Description("Seats held (45 minutes at OneBox-style backends) until committed with the amount paid, then purchased.")
            .Prop<BookingRecord>("id", "ID!", "The booking's unguessable id.", r => r.Id)
            .Prop<BookingRecord>("locator", "String", "The booking code given to the buyer.", r => r.Booking.Locator)
            .Prop<BookingRecord>("channel", "String!", "The channel.", r => r.Booking.Channel)
            .Prop<BookingRecord>("status", "BookingStatus!", "Status.", r => r.Booking.Status)
            .Prop<BookingRecord>("total", "Money!", "Total to be paid.", r => r.Booking.Total)
            .Prop<BookingRecord>("amountPaid", "Money!", "Amount paid at commit (and at purchase, when something was still due).", r => r.Booking.AmountPaid)
            .Prop<BookingRecord>("amountDue", "Money!", "What is still to be paid: total less amountPaid, never below zero. bookingPurchase of every item collects exactly this; zero means it takes no payment.", r => r.AmountDue)
            .Prop<BookingRecord>("orderId", "ID", "The order bookingPurchase created, once purchased.", r => r.OrderId)
            .Prop<BookingRecord>("expiresAt", "DateTime", "The deadline: the hold lapses unless committed by then.", r => r.Booking.ExpiresAt)
            .Prop<BookingRecord>("expired", "Boolean!", "True when the hold lapsed and the seats were released.", r => r.Booking.Status == BookingStatus.Expired)
            .Prop<BookingRecord>("items", "[BookingItem!]!", "The items.", r => r.Booking.Items)
            .Prop<BookingRecord>("cartId", "ID", "The cart the booking was made from.", r => r.Booking.CartId));
}
