namespace CommerceGateway.Sandbox.Booking;

// The JSON answers of the booking backend (camelCase on the wire). Written from the protocol
// sheet for the sandbox alone; the adapter reads the same wire format with its own code.

internal sealed record BookingEventsPage(BookingPageMetadata Metadata, IReadOnlyList<BookingEventView> Data);

internal sealed record BookingPageMetadata(int Offset, int Limit, int Total);

internal sealed record BookingEventView(long Id, string Name, string Venue, BookingPromoterView Promoter, IReadOnlyList<BookingSessionView> Sessions);

internal sealed record BookingPromoterView(long Id);

internal sealed record BookingSessionView(long Id, long EventId, string Name, DateTimeOffset Date, string Currency, IReadOnlyList<BookingRateView> Rates, int AvailableSeats);

internal sealed record BookingRateView(long Id, string Name, decimal Price);

internal sealed record BookingSeatMapView(long SessionId, IReadOnlyList<BookingSeatMapSeat> Seats);

internal sealed record BookingSeatMapSeat(long Id, string Sector, string Row, int Number, string Status, IReadOnlyList<long> Rates);

internal sealed record BookingCartView(
    string Token,
    string Currency,
    DateTimeOffset ExpirationDate,
    IReadOnlyList<BookingCartItemView> Items,
    BookingClientData? ClientData,
    BookingDeliveryView? Delivery,
    BookingCartPrice Price);

internal sealed record BookingCartItemView(long Id, BookingRef Event, BookingSessionRef Session, BookingRef Rate, BookingSeatRef Seat, decimal Price);

internal sealed record BookingRef(long Id, string Name);

internal sealed record BookingSessionRef(long Id, string Name, DateTimeOffset Date);

internal sealed record BookingSeatRef(long Id, string Sector, string Row, int Number);

internal sealed record BookingDeliveryView(string Type, decimal Cost);

internal sealed record BookingCartPrice(decimal Items, decimal Delivery, decimal Total);

internal sealed record BookingOrderView(
    string OrderCode,
    string? Locator,
    string Type,
    string Status,
    string Currency,
    DateTimeOffset CreatedDate,
    DateTimeOffset? ExpirationDate,
    decimal ToBePaid,
    decimal Paid,
    BookingOrderPrice PriceBreakdown,
    IReadOnlyList<BookingOrderItemView> OrderItem);

internal sealed record BookingStateView(int Carts, int PendingOrders, int LockedSeats, int BookedSeats, int SoldSeats);

internal sealed record BookingOrderPrice(decimal FinalPrice, decimal Delivery);

internal sealed record BookingOrderItemView(long Id, BookingItemPrice PriceBreakdown, BookingTicketData TicketData);

internal sealed record BookingItemPrice(decimal FinalPrice);

internal sealed record BookingTicketData(string? Barcode, BookingRef Event, BookingSessionRef Session, BookingRef Rate, BookingSeatRef Seat);

/// <summary>Builds the JSON views from the store's state (under its lock).</summary>
internal static class BookingViews
{
    public static BookingCartView Cart(BookingCart cart)
    {
        var items = cart.Items.Sum(i => i.Rate.Price);
        var delivery = cart.Delivery?.Cost ?? 0m;
        return new BookingCartView(
            cart.Token,
            BookingSeed.Currency,
            cart.ExpiresAt,
            [.. cart.Items.Select(i => new BookingCartItemView(i.Id, Event(i), Session(i), Rate(i), Seat(i), i.Rate.Price))],
            cart.ClientData,
            cart.Delivery is { } d ? new BookingDeliveryView(d.Type, d.Cost) : null,
            new BookingCartPrice(items, delivery, items + delivery));
    }

    public static BookingOrderView Order(BookingOrder order) => new(
        order.Code,
        order.Locator,
        order.Type == BookingOrderType.Booking ? "BOOKING" : "PURCHASE",
        order.Committed ? "COMMITTED" : "PENDING",
        BookingSeed.Currency,
        order.CreatedAt,
        order.ExpiresAt,
        order.ToBePaid,
        order.Paid,
        new BookingOrderPrice(order.Total, order.Delivery?.Cost ?? 0m),
        [.. order.Items.Select(i => new BookingOrderItemView(
            i.Id,
            new BookingItemPrice(i.Rate.Price),
            new BookingTicketData(i.Barcode, Event(i), Session(i), Rate(i), Seat(i))))]);

    private static BookingRef Event(BookingItem item) =>
        new(item.Seat.Session.EventId, BookingSeed.Events.First(e => e.Id == item.Seat.Session.EventId).Name);

    private static BookingSessionRef Session(BookingItem item) => new(item.Seat.Session.Id, item.Seat.Session.Name, item.Seat.Session.Date);

    private static BookingRef Rate(BookingItem item) => new(item.Rate.Id, item.Rate.Name);

    private static BookingSeatRef Seat(BookingItem item) =>
        new(item.Seat.Definition.Id, item.Seat.Definition.Sector, item.Seat.Definition.Row, item.Seat.Definition.Number);
}
