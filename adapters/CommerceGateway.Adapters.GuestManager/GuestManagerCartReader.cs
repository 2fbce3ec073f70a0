namespace CommerceGateway.Adapters.GuestManager;

/// <summary>Reads an Order resource into the unified cart, validating its shape field by field.</summary>
internal static class GuestManagerCartReader
{
    public const string OrderIdKey = "guestmanager.order_id";
    public const string NumberKey = "guestmanager.number";
    public const string GuestTokenKey = "guestmanager.guest_token";
    public const string StateKey = "guestmanager.state";
    public const string PaymentMethodKey = "guestmanager.payment_method_id";

    /// <summary>The cart <paramref name="template"/> (id, channel, version...) as the order now stands.</summary>
    public static Cart Read(Cart template, BackendJsonValue order)
    {
        var currency = order.Required("currency").AsCurrency();
        var state = order.Required("state").AsString();
        var tickets = order.Optional("tickets")?.Items().ToList() ?? [];
        var holding = state != GuestManagerSteps.Expired && !GuestManagerSteps.IsFinal(state);
        var expiresAt = order.Optional("expires_at")?.AsDateTime();
        var lines = order.Required("line_items").Items().Select(l => new CartLine
        {
            Id = l.Required("id").AsText(),
            MerchandiseId = l.Required("variant_id").AsText(),
            Title = l.Optional("name")?.AsString(),
            Quantity = l.Required("quantity").AsInt32(),
            UnitPrice = ReadMoney(l.Required("price"), currency),
            Total = l.Required("total").AsMoney(currency),
            Attendees = [.. tickets
                .Where(t => t.Required("line_item_id").AsText() == l.Required("id").AsText() && CollectsAttendee(t))
                .Select(t => new Attendee(t.Required("id").AsText(), t.Optional("name")?.AsString(), t.Optional("email")?.AsString()))],
            ExpiresAt = holding && l.Optional("status")?.AsString() is null or "available" ? expiresAt : null,
        }).ToList();

        var email = order.Optional("email")?.AsString();
        var first = order.Optional("first_name")?.AsString();
        var last = order.Optional("last_name")?.AsString();
        var phone = order.Optional("phone_number")?.AsString();
        var totals = new CartTotals(
            order.Required("item_total").AsMoney(currency),
            -order.Required("promo_total").AsMoney(currency),
            order.Required("ship_total").AsMoney(currency),
            order.Required("tax_total").AsMoney(currency),
            order.Required("total").AsMoney(currency));
        var id = order.Required("id").AsText();
        var backend = template.Backend
            .With(OrderIdKey, id)
            .With(NumberKey, order.Required("number").AsText())
            .With(GuestTokenKey, order.Optional("guest_token")?.AsString() ?? template.Backend.Get(GuestTokenKey))
            .With(StateKey, state)
            .With(PaymentMethodKey, order.Optional("payment_methods")?.Items().Select(m => m.Required("id").AsText()).FirstOrDefault() ?? template.Backend.Get(PaymentMethodKey));

        return template with
        {
            Currency = currency,
            Lines = lines,
            Buyer = email is null && first is null && last is null && phone is null ? null : new Buyer(email, first, last, phone),
            ShippingAddress = ReadAddress(order.Optional("ship_address")),
            BillingAddress = ReadAddress(order.Optional("bill_address")),
            ShippingOption = ReadShippingOptions(order, currency).FirstOrDefault(o => o.Selected).Option,
            DiscountCodes = [.. order.Optional("coupon_codes")?.Items().Select(c => c.AsString()) ?? []],
            FormAnswers = [.. (order.Optional("form_responses")?.Items() ?? []).SelectMany(r => r.Required("answers").Items()
                .Where(a => a.Optional("value") is not null)
                .Select(a => new FormAnswer(r.Required("id").AsText(), a.Required("id").AsText(), a.Required("value").AsText())))],
            Totals = totals,
            ExpiresAt = holding || state == GuestManagerSteps.Expired ? expiresAt : null,
            Checkout = GuestManagerCheckoutReader.Read(order, state, lines, tickets, totals),
            OrderId = GuestManagerSteps.IsFinal(state) ? id : template.OrderId,
            Backend = backend,
        };
    }

    /// <summary>The shipping rates of the order's shipment, with the selected one marked.</summary>
    public static IReadOnlyList<(ShippingOption Option, bool Selected, string ShipmentId)> ReadShippingOptions(BackendJsonValue order, CurrencyCode currency)
    {
        // BackendJsonValue is a struct: lift it to nullable so an empty array reads as "no shipment", not default(T).
        var shipment = order.Optional("shipments")?.Items().Select(s => (BackendJsonValue?)s).FirstOrDefault();
        if (shipment is not { } found)
        {
            return [];
        }

        var shipmentId = found.Required("id").AsText();
        var selected = found.Optional("selected_shipping_rate_id")?.AsText();
        return [.. found.Required("shipping_rates").Items().Select(r =>
        {
            var option = new ShippingOption(r.Required("id").AsText(), r.Required("name").AsString(), ReadMoney(r.Required("cost"), currency));
            return (option, option.Id == selected, shipmentId);
        })];
    }

    /// <summary>A v2 money object <c>{decimal, amount, formatted}</c>; the decimal and the minor units must agree.</summary>
    public static Money ReadMoney(BackendJsonValue value, CurrencyCode currency)
    {
        if (value.Element.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            return value.AsMoney(currency);
        }

        var money = value.Required("decimal").AsMoney(currency);
        var minor = value.Optional("amount")?.AsInt64();
        return minor is null || Money.FromMinorUnits(minor.Value, currency).Amount == money.Amount
            ? money
            : throw value.Problem($"decimal {money.Amount} and amount {minor} (minor units) disagree");
    }

    public static bool CollectsAttendee(BackendJsonValue ticket) =>
        ticket.Optional("collect_name")?.AsBoolean() == true || ticket.Optional("collect_email")?.AsBoolean() == true;

    private static Address? ReadAddress(BackendJsonValue? address) => address is not { } a ? null : new Address(
        a.Required("address1").AsString(),
        a.Required("city").AsString(),
        a.Required("zipcode").AsText(),
        a.Required("country_code").AsString(),
        a.Optional("address2")?.AsString(),
        a.Optional("state_code")?.AsString(),
        a.Optional("firstname")?.AsString(),
        a.Optional("lastname")?.AsString(),
        a.Optional("phone")?.AsString(),
        a.Optional("company")?.AsString());
}
