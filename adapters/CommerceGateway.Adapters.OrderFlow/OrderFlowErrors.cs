namespace CommerceGateway.Adapters.OrderFlow;

/// <summary>Maps the backend's <c>{ error, message }</c> answers to the SDK's typed errors, keeping its code and message.</summary>
internal static class OrderFlowErrors
{
    public static CommerceException FromBackend(string channel, int status, string code, string message)
    {
        BackendRejectedException Rejected(string ourCode, string text, string? field = null) =>
            new(channel, ourCode, text, code, message, field);

        return code switch
        {
            "sold_out" => Rejected(CommerceErrorCodes.SoldOut, "An item in the cart is sold out."),
            "off_sale" => Rejected(CommerceErrorCodes.OffSale, "An item in the cart is not on sale."),
            "unknown_product" => Rejected(CommerceErrorCodes.NotFound, "An item in the cart does not exist at the backend.", "merchandiseId"),
            "price_mismatch" => Rejected(CommerceErrorCodes.Rejected, "The channel's price list differs from the backend's prices; update the channel's Price.* settings.", "unitPrice"),
            "order_not_found" or "invoice_not_found" => Rejected(CommerceErrorCodes.NotFound, "The backend does not know this order."),
            "amount_mismatch" => Rejected(CommerceErrorCodes.Underpaid, "The payment amount differs from the invoice total.", "amount"),
            "unsupported_currency" => Rejected(CommerceErrorCodes.InvalidInput, "The backend does not bill in the cart's currency.", "currency"),
            "order_closed" or "order_already_paid" or "invoice_already_paid" or "invoice_void" or "totals_mismatch" or "customer_mismatch" or "order_not_paid" =>
                new BackendConflictException(channel, $"The {channel} order changed at the backend: {message}", code),
            _ when status == 409 => new BackendConflictException(channel, $"The {channel} backend refused: {message}", code),
            _ => Rejected(status == 400 ? CommerceErrorCodes.InvalidInput : CommerceErrorCodes.Rejected, $"The {channel} backend refused the request: {message}"),
        };
    }
}
