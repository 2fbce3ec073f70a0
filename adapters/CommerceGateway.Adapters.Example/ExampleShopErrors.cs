namespace CommerceGateway.Adapters.Example;

/// <summary>
/// Maps the shop's error codes to the SDK's typed errors, keeping the shop's code and message
/// (<see cref="BackendRejectedException.BackendCode"/>, <see cref="BackendRejectedException.BackendMessage"/>)
/// for support. Business refusals become <see cref="BackendRejectedException"/> with a stable
/// <see cref="CommerceErrorCodes"/> code, which the GraphQL layer shows as a <c>userError</c>;
/// state clashes become <see cref="BackendConflictException"/>.
/// </summary>
internal static class ExampleShopErrors
{
    public static CommerceException FromBackend(string channel, int status, string code, string message)
    {
        BackendRejectedException Rejected(string ourCode, string text, string? field = null) =>
            new(channel, ourCode, text, code, message, field);

        return code switch
        {
            "sold_out" => Rejected(CommerceErrorCodes.SoldOut, "An item is sold out.", "merchandiseId"),
            "unknown_sku" => Rejected(CommerceErrorCodes.NotFound, "The shop does not sell this item.", "merchandiseId"),
            "cart_not_found" or "order_not_found" => Rejected(CommerceErrorCodes.NotFound, $"The {channel} backend no longer knows this cart or order."),
            "invalid_email" => Rejected(CommerceErrorCodes.InvalidInput, "The buyer's email is not an email address.", "buyer.email"),
            "email_required" => Rejected(CommerceErrorCodes.InvalidStep, "Give the buyer's email before paying.", "buyer.email"),
            "cart_empty" => Rejected(CommerceErrorCodes.InvalidStep, "An empty cart cannot check out.", "lines"),
            "amount_mismatch" => Rejected(CommerceErrorCodes.InvalidInput, "The payment must equal the cart total.", "payment.amount"),
            "card_declined" => Rejected(CommerceErrorCodes.PaymentDeclined, "The payment was declined."),
            "capture_failed" => Rejected(CommerceErrorCodes.CaptureFailed, $"The capture failed: {message}"),
            "refund_exceeds_captured" or "invalid_amount" => Rejected(CommerceErrorCodes.InvalidInput, "The amount is more than the order allows.", "amount"),
            "unsupported_currency" => Rejected(CommerceErrorCodes.InvalidInput, "The shop does not sell in this currency.", "currency"),
            "cart_closed" or "already_captured" => new BackendConflictException(channel, $"The {channel} cart or order changed at the backend: {message}", code),
            _ when status == 409 => new BackendConflictException(channel, $"The {channel} backend refused: {message}", code),
            _ => Rejected(CommerceErrorCodes.Rejected, $"The {channel} backend refused the request: {message}"),
        };
    }
}
