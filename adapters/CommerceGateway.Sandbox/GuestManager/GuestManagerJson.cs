using System.Globalization;
using System.Text.Json.Nodes;

namespace CommerceGateway.Sandbox.GuestManager;

/// <summary>
/// The Order resource as v2 renders it: totals as decimal strings ("53.5"), money as
/// <c>{decimal, amount (minor units), formatted}</c>, ids as numbers, times in ISO 8601.
/// </summary>
internal static class GuestManagerJson
{
    public static string Decimal(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    public static JsonObject Money(decimal value, string currency) => new()
    {
        ["decimal"] = Decimal(value),
        ["amount"] = (long)decimal.Round(value * 100m, 0, MidpointRounding.AwayFromZero),
        ["formatted"] = (currency == "USD" ? "$" : currency + " ") + value.ToString("#,##0.00", CultureInfo.InvariantCulture),
    };

    public static JsonObject Order(GuestManagerStore store, GmOrder order, string baseUrl)
    {
        var totals = GuestManagerTotals.Of(order);
        var steps = order.State == GmStates.Cart ? GuestManagerCheckout.ComputeSteps(store, order) : order.CheckoutSteps;
        return new JsonObject
        {
            ["id"] = order.Id,
            ["number"] = order.Number,
            ["state"] = order.State,
            ["checkout_steps"] = Array(steps.Select(s => (JsonNode)JsonValue.Create(s))),
            ["guest_token"] = order.GuestToken,
            ["currency"] = order.Currency,
            ["guest_checkout"] = order.GuestCheckout,
            ["email"] = order.Email,
            ["first_name"] = order.FirstName,
            ["last_name"] = order.LastName,
            ["phone_number"] = order.PhoneNumber,
            ["phone_number_country"] = order.PhoneNumberCountry,
            ["created_at"] = Time(order.CreatedAt),
            ["expires_at"] = Time(order.ExpiresAt),
            ["completed_at"] = order.CompletedAt is { } completed ? Time(completed) : null,
            ["payment_state"] = order.PaymentState,
            ["item_total"] = Decimal(totals.ItemTotal),
            ["promo_total"] = Decimal(totals.PromoTotal),
            ["ship_total"] = Decimal(totals.ShipTotal),
            ["tax_total"] = Decimal(totals.TaxTotal),
            ["total"] = Decimal(totals.Total),
            ["payment_total"] = Decimal(totals.PaymentTotal),
            ["total_money"] = Money(totals.Total, order.Currency),
            ["coupon_codes"] = Array(order.CouponCodes.Select(c => (JsonNode)JsonValue.Create(c))),
            ["line_items"] = Array(order.LineItems.Select(l => (JsonNode)LineItem(l, order.Currency))),
            ["tickets"] = Array(order.Tickets.Select(t => (JsonNode)Ticket(t))),
            ["bill_address_id"] = order.BillAddress?.Id,
            ["ship_address_id"] = order.ShipAddress?.Id,
            ["bill_address"] = order.BillAddress is null ? null : Address(order.BillAddress),
            ["ship_address"] = order.ShipAddress is null ? null : Address(order.ShipAddress),
            ["shipments"] = Array(order.Shipment is null ? [] : [Shipment(order.Shipment, order.Currency)]),
            ["form_responses"] = Array(order.FormResponses.Select(r => (JsonNode)FormResponse(r))),
            ["payment_methods"] = Array([new JsonObject
            {
                ["id"] = store.Catalog.PaymentMethod.Id,
                ["name"] = store.Catalog.PaymentMethod.Name,
                ["type"] = store.Catalog.PaymentMethod.Type,
            }]),
            ["payments"] = Array(order.Payments.Select(p => (JsonNode)Payment(p, order.Currency))),
            ["links"] = new JsonObject
            {
                ["cart"] = $"{baseUrl}/orders/{order.Number}/cart",
                ["checkout"] = $"{baseUrl}/checkout/{order.Number}",
            },
        };
    }

    private static JsonObject LineItem(GmLineItem line, string currency) => new()
    {
        ["id"] = line.Id,
        ["variant_id"] = line.Variant.Id,
        ["name"] = line.Variant.Name,
        ["quantity"] = line.Quantity,
        ["status"] = line.Status,
        ["price"] = Money(line.Variant.Price, currency),
        ["total"] = Decimal(line.Variant.Price * line.Quantity),
        ["shippable"] = line.Variant.Shippable,
        ["event_id"] = line.Variant.EventId,
    };

    private static JsonObject Ticket(GmTicket ticket) => new()
    {
        ["id"] = ticket.Id,
        ["line_item_id"] = ticket.LineItemId,
        ["variant_id"] = ticket.Variant.Id,
        ["name"] = ticket.Name,
        ["email"] = ticket.Email,
        ["keep"] = ticket.Keep,
        ["collect_name"] = ticket.Variant.CollectName,
        ["collect_email"] = ticket.Variant.CollectEmail,
        ["barcode"] = ticket.Barcode,
    };

    private static JsonObject Address(GmAddress address) => new()
    {
        ["id"] = address.Id,
        ["firstname"] = address.FirstName,
        ["lastname"] = address.LastName,
        ["address1"] = address.Address1,
        ["address2"] = address.Address2,
        ["city"] = address.City,
        ["zipcode"] = address.Zipcode,
        ["phone"] = address.Phone,
        ["company"] = address.Company,
        ["country_id"] = address.Country.Id,
        ["country_code"] = address.Country.Iso,
        ["state_id"] = address.StateId,
        ["state_code"] = address.StateCode,
    };

    private static JsonObject Shipment(GmShipment shipment, string currency) => new()
    {
        ["id"] = shipment.Id,
        ["selected_shipping_rate_id"] = shipment.SelectedRateId,
        ["shipping_rates"] = Array(shipment.Rates.Select(r => (JsonNode)new JsonObject
        {
            ["id"] = r.Id,
            ["name"] = r.Name,
            ["cost"] = Money(r.Cost, currency),
            ["selected"] = r.Id == shipment.SelectedRateId,
        })),
    };

    private static JsonObject FormResponse(GmFormResponse response) => new()
    {
        ["id"] = response.Id,
        ["form_id"] = response.Form.Id,
        ["name"] = response.Form.Name,
        ["answers"] = Array(response.Form.Fields.Select(f => (JsonNode)new JsonObject
        {
            ["id"] = response.AnswerIds[f.Id],
            ["field_id"] = f.Id,
            ["label"] = f.Label,
            ["kind"] = f.Kind,
            ["required"] = f.Required,
            ["options"] = Array(f.Options.Select(o => (JsonNode)new JsonObject { ["id"] = o.Id, ["label"] = o.Label })),
            ["value"] = response.Values.GetValueOrDefault(response.AnswerIds[f.Id]),
        })),
    };

    private static JsonObject Payment(GmPayment payment, string currency) => new()
    {
        ["id"] = payment.Id,
        ["payment_method_id"] = payment.PaymentMethodId,
        ["amount"] = Money(payment.Amount, currency),
        ["state"] = payment.State,
        ["response_code"] = payment.ResponseCode,
        ["failure_message"] = payment.FailureMessage,
    };

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonArray Array(IEnumerable<JsonNode> items) => new([.. items]);
}
