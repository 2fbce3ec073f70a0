using CommerceGateway.Adapters;

namespace CommerceGateway.Adapters.OneBox.Protocol;

/// <summary>A ShoppingCart answer of the booking backend, read and checked.</summary>
internal sealed record BookingCartSnapshot(
    string Token,
    CurrencyCode Currency,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<BookingCartItem> Items,
    Buyer? Buyer,
    string? DeliveryType,
    Money ItemsTotal,
    Money DeliveryCost,
    Money Total)
{
    /// <summary>Reads <c>{token, currency, expirationDate, items[], clientData, delivery, price}</c>.</summary>
    public static BookingCartSnapshot Read(BackendJsonValue root)
    {
        var currency = root.Required("currency").AsCurrency();
        var items = root.Optional("items")?.Items().Select(i => BookingCartItem.Read(i, currency)).ToList() ?? [];
        var client = root.Optional("clientData");
        var buyer = client is { } c
            ? new Buyer(c.Optional("email")?.AsString(), c.Optional("firstName")?.AsString(), c.Optional("lastName")?.AsString(), c.Optional("telephone")?.AsString())
            : null;
        var price = root.Required("price");
        return new BookingCartSnapshot(
            root.Required("token").AsText(),
            currency,
            root.Required("expirationDate").AsDateTime(),
            items,
            buyer,
            root.Optional("delivery")?.Required("type").AsString(),
            price.Required("items").AsMoney(currency),
            price.Optional("delivery")?.AsMoney(currency) ?? Money.Zero(currency),
            price.Required("total").AsMoney(currency));
    }
}

/// <summary>One seat of a cart at one rate.</summary>
internal sealed record BookingCartItem(
    string Id,
    string EventName,
    string SessionId,
    string SessionName,
    string RateId,
    string RateName,
    string SeatId,
    string SeatLabel,
    Money Price)
{
    public static BookingCartItem Read(BackendJsonValue item, CurrencyCode currency)
    {
        var session = item.Required("session");
        var rate = item.Required("rate");
        var seat = item.Required("seat");
        return new BookingCartItem(
            item.Required("id").AsText(),
            item.Optional("event")?.Optional("name")?.AsString() ?? string.Empty,
            session.Required("id").AsText(),
            session.Optional("name")?.AsString() ?? string.Empty,
            rate.Required("id").AsText(),
            rate.Optional("name")?.AsString() ?? string.Empty,
            seat.Required("id").AsText(),
            LabelOf(seat),
            item.Required("price").AsMoney(currency));
    }

    /// <summary>"Row A, Seat 3" from a seat's row and number.</summary>
    public static string LabelOf(BackendJsonValue seat) =>
        $"Row {seat.Required("row").AsText()}, Seat {seat.Required("number").AsText()}";
}
