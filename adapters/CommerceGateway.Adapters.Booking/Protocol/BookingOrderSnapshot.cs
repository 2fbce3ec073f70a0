using CommerceGateway.Adapters;

namespace CommerceGateway.Adapters.OneBox.Protocol;

/// <summary>An OrderDetails answer of the booking backend, read and checked.</summary>
internal sealed record BookingOrderSnapshot(
    string OrderCode,
    string? Locator,
    bool IsBooking,
    bool Committed,
    Money Total,
    Money ToBePaid,
    Money Paid,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<BookingOrderItem> Items)
{
    /// <summary>Reads <c>{orderCode, locator, type, status, currency, toBePaid, paid, priceBreakdown, orderItem[]}</c>.</summary>
    public static BookingOrderSnapshot Read(BackendJsonValue root)
    {
        var currency = root.Required("currency").AsCurrency();
        var type = root.Required("type");
        var status = root.Required("status");
        return new BookingOrderSnapshot(
            root.Required("orderCode").AsText(),
            root.Optional("locator")?.AsString(),
            type.AsString() switch
            {
                "BOOKING" => true,
                "PURCHASE" => false,
                var other => throw type.Problem($"expected BOOKING or PURCHASE, found '{other}'"),
            },
            status.AsString() switch
            {
                "COMMITTED" => true,
                "PENDING" => false,
                var other => throw status.Problem($"expected PENDING or COMMITTED, found '{other}'"),
            },
            root.Required("priceBreakdown").Required("finalPrice").AsMoney(currency),
            root.Required("toBePaid").AsMoney(currency),
            root.Optional("paid")?.AsMoney(currency) ?? Money.Zero(currency),
            root.Optional("createdDate")?.AsDateTime(),
            root.Optional("expirationDate")?.AsDateTime(),
            [.. root.Required("orderItem").Items().Select(i => BookingOrderItem.Read(i, currency))]);
    }
}

/// <summary>One seat or ticket of an order.</summary>
internal sealed record BookingOrderItem(string Id, Money Price, string? SessionId, string? SeatId, string? RateId, string? Label, string? Barcode)
{
    public static BookingOrderItem Read(BackendJsonValue item, CurrencyCode currency)
    {
        var ticket = item.Optional("ticketData");
        var seat = ticket?.Optional("seat");
        return new BookingOrderItem(
            item.Required("id").AsText(),
            item.Required("priceBreakdown").Required("finalPrice").AsMoney(currency),
            ticket?.Optional("session")?.Required("id").AsText(),
            seat?.Required("id").AsText(),
            ticket?.Optional("rate")?.Required("id").AsText(),
            seat is { } s ? BookingCartItem.LabelOf(s) : null,
            ticket?.Optional("barcode")?.AsString());
    }
}
