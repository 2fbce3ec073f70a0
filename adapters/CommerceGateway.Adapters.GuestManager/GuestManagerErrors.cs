using System.Net;

namespace CommerceGateway.Adapters.GuestManager;

/// <summary>
/// Turns the documented error bodies (<c>{type, message, detail}</c>, and 422
/// <c>validation_error</c> with <c>errors.attributes</c>) into typed errors with clear messages,
/// keeping the backend's type and message.
/// </summary>
internal static class GuestManagerErrors
{
    public static CommerceException From(string channel, HttpStatusCode status, BackendJsonValue body)
    {
        if (status == HttpStatusCode.Unauthorized)
        {
            return new BackendUnavailableException(channel, $"The {channel} backend refused the API key (401); check Channels:{channel}:Credentials:ApiKey.", (int)status);
        }

        var type = body.Element.ValueKind == System.Text.Json.JsonValueKind.Object ? body.Optional("type")?.AsString() : null;
        var message = body.Element.ValueKind == System.Text.Json.JsonValueKind.Object ? body.Optional("message")?.AsString() : null;
        var detail = body.Element.ValueKind == System.Text.Json.JsonValueKind.Object ? body.Optional("detail") : null;
        var state = detail is { Element.ValueKind: System.Text.Json.JsonValueKind.Object } d ? d.Optional("state")?.AsString() : null;
        return type switch
        {
            "checkout_not_allowed" or "cannot_modify" when state == "expired" => new BackendRejectedException(
                channel, CommerceErrorCodes.HoldExpired,
                $"The order's reservation expired at {detail!.Value.Optional("expires_at")?.AsString() ?? "its deadline"} and its tickets were released; resume the checkout to re-reserve them.",
                type, message),
            "checkout_not_allowed" => new BackendRejectedException(
                channel, CommerceErrorCodes.Rejected, $"Guest Manager does not allow this order to check out: {message}", type, message),
            "order_processing" => new BackendConflictException(
                channel, "The order's payment is still processing; poll the payment status instead of changing the order.", type),
            "order_complete" => new BackendConflictException(
                channel, "The order is already complete; it can no longer be changed or paid.", type),
            "invalid_state" => new BackendRejectedException(
                channel, CommerceErrorCodes.InvalidStep,
                $"The checkout is at the '{state ?? "unknown"}' step, so this step cannot be submitted now; complete the current step first.", type, message),
            "cannot_modify" => new BackendRejectedException(
                channel, CommerceErrorCodes.InvalidStep, $"The order can no longer be changed in the '{state ?? "unknown"}' state.", type, message),
            "validation_error" => Validation(channel, body, message),
            "sold_out" => new BackendRejectedException(
                channel, CommerceErrorCodes.SoldOut, $"Sold out: not enough tickets are left for variant {Variants(detail)}.", type, message, "variant_id"),
            "off_sale" => new BackendRejectedException(
                channel, CommerceErrorCodes.OffSale, $"Not on sale: variant {Variants(detail)} cannot be bought now.", type, message, "variant_id"),
            "not_found" => new BackendRejectedException(channel, CommerceErrorCodes.NotFound, message ?? "The order was not found.", type, message),
            _ => new BackendRejectedException(
                channel, CommerceErrorCodes.Rejected, $"Guest Manager refused the request ({(int)status}{(type is null ? string.Empty : ", " + type)}): {message ?? "no message"}", type, message),
        };
    }

    private static BackendRejectedException Validation(string channel, BackendJsonValue body, string? message)
    {
        var attributes = body.Required("errors").Required("attributes").Items()
            .Select(a => (Field: a.Required("field").AsString(), Code: a.Optional("code")?.AsString(), Message: a.Optional("message")?.AsString()))
            .ToList();
        if (attributes.Count == 0)
        {
            throw body.Required("errors").Required("attributes").Problem("a validation error lists no attributes");
        }

        var first = attributes[0];
        var code = first.Field == "coupon_code" ? CommerceErrorCodes.InvalidDiscountCode : CommerceErrorCodes.InvalidInput;
        var text = string.Join("; ", attributes.Select(a => $"{a.Field} {a.Message ?? a.Code}"));
        return new BackendRejectedException(channel, code, $"Guest Manager rejected the input: {text}.", "validation_error", message, first.Field);
    }

    private static string Variants(BackendJsonValue? detail) =>
        detail is { Element.ValueKind: System.Text.Json.JsonValueKind.Object } d && d.Optional("variant_ids") is { } ids
            ? string.Join(", ", ids.Items().Select(i => i.AsText()))
            : "(unknown)";
}
