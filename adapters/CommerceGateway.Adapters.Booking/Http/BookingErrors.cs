using CommerceGateway.Adapters;

namespace CommerceGateway.Adapters.OneBox.Http;

/// <summary>Maps the booking backend's <c>{code, message}</c> refusals to typed errors, keeping its code and message.</summary>
internal static class BookingErrors
{
    public const string PaymentDeclined = "PAYMENT_DECLINED";

    public const string OrderExpired = "ORDER_EXPIRED";

    public const string CartExpired = "SHOPPING_CART_EXPIRED";

    public const string CartNotFound = "SHOPPING_CART_NOT_FOUND";

    public const string OrderNotFound = "ORDER_NOT_FOUND";

    public static CommerceException From(string channel, int status, BackendJsonValue body)
    {
        var code = body.Optional("code")?.AsText() ?? $"HTTP_{status}";
        var message = body.Optional("message")?.AsText() ?? $"The booking backend answered {status}.";
        return code switch
        {
            "SEAT_NOT_AVAILABLE" => Rejected(CommerceErrorCodes.SeatTaken, "seatIds", "A seat is already taken: "),
            "SOLD_OUT" or "NOT_ENOUGH_SEATS" => Rejected(CommerceErrorCodes.SoldOut, "quantity", "Not enough seats are left: "),
            CartExpired or OrderExpired => Rejected(CommerceErrorCodes.HoldExpired, null, "The hold expired: "),
            "INSUFFICIENT_PAYMENT" => Rejected(CommerceErrorCodes.Underpaid, "payment.amount", "The amount paid is below the order total: "),
            PaymentDeclined => Rejected(CommerceErrorCodes.PaymentDeclined, "payment", "The payment was declined: "),
            "BOOKINGS_NOT_ENABLED" => Rejected(CommerceErrorCodes.Rejected, null, "Bookings are not allowed here: "),
            "CLIENT_DATA_REQUIRED" or "DELIVERY_REQUIRED" or "EMPTY_SHOPPING_CART" => Rejected(CommerceErrorCodes.InvalidStep, null, "The cart is not ready: "),
            "INVALID_PARAMETER" or "INVALID_SEAT" or "INVALID_RATE" => Rejected(CommerceErrorCodes.InvalidInput, FieldOf(message), "The backend refused the input: "),
            CartNotFound or OrderNotFound or "SESSION_NOT_FOUND" or "ITEM_NOT_FOUND" => Rejected(CommerceErrorCodes.NotFound, null, "Not found: "),
            "SHOPPING_CART_ORDERED" or "ORDER_ALREADY_COMMITTED" or "INVALID_ORDER_STATE" => new BackendConflictException(channel, $"The booking backend refused the call in the current state: {message}", code),
            _ => Rejected(CommerceErrorCodes.Rejected, null, "The booking backend refused the call: "),
        };

        BackendRejectedException Rejected(string ourCode, string? field, string prefix) =>
            new(channel, ourCode, prefix + message, code, message, field);
    }

    // The backend names the parameter first: "numSeats: give 1 to 10."
    private static string? FieldOf(string message) =>
        message.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && !message[..colon].Contains(' ', StringComparison.Ordinal)
            ? message[..colon]
            : null;
}
