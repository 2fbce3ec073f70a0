using System.Text.Json;

namespace CommerceGateway.Sandbox.GuestManager;

/// <summary>
/// What each checkout step accepts and requires. <see cref="Apply"/> checks the submitted data
/// in full before storing it, so a 422 leaves the order untouched.
/// </summary>
internal static class GuestManagerStepData
{
    private static readonly string[] CardFields = ["number", "card_number", "verification_value", "cvv", "cvc", "month", "year"];

    /// <summary>Stores the step's data; returns the payment token for the payment step.</summary>
    public static string? Apply(GuestManagerStore store, GmOrder order, string step, JsonElement data)
    {
        switch (step)
        {
            case GmStates.Email:
                ApplyGuest(order, data);
                break;
            case GmStates.Tickets:
                ApplyTickets(order, data);
                break;
            case GmStates.Address:
                GuestManagerAddresses.Apply(store, order, data);
                break;
            case GmStates.Delivery:
                ApplyDelivery(order, data);
                break;
            case GmStates.Form:
                GuestManagerForms.Apply(order, data);
                break;
            case GmStates.Payment:
                return ApplyPayment(store, order, data);
        }

        var invalid = Validate(store, order, step);
        return invalid.Count > 0 ? throw GmError.Validation(invalid) : null;
    }

    /// <summary>What the step still lacks, as validation attributes (empty when it is satisfied).</summary>
    public static List<GmInvalidAttribute> Validate(GuestManagerStore store, GmOrder order, string step)
    {
        var invalid = new List<GmInvalidAttribute>();
        switch (step)
        {
            case GmStates.Email:
                Require(invalid, "email", order.Email);
                Require(invalid, "first_name", order.FirstName);
                Require(invalid, "last_name", order.LastName);
                if (!string.IsNullOrWhiteSpace(order.Email) && !GmRequest.IsEmail(order.Email))
                {
                    invalid.Add(new GmInvalidAttribute("email", "invalid", "is not an email address"));
                }

                break;
            case GmStates.Tickets:
                ValidateTickets(order, invalid);
                break;
            case GmStates.Address:
                GuestManagerAddresses.Validate(store, order, invalid);
                break;
            case GmStates.Delivery when order.Shipment is null:
                invalid.Add(new GmInvalidAttribute("shipments", "blank", "no shipment; submit the address step first"));
                break;
            case GmStates.Form:
                GuestManagerForms.Validate(order, invalid);
                break;
            case GmStates.Payment when order.Payments.All(p => p.State != "checkout"):
                invalid.Add(new GmInvalidAttribute("payments", "blank", "a payment is required"));
                break;
        }

        return invalid;
    }

    public static void ApplyGuest(GmOrder order, JsonElement data)
    {
        order.Email = GmRequest.Text(data, "email") ?? order.Email;
        order.FirstName = GmRequest.Text(data, "first_name") ?? order.FirstName;
        order.LastName = GmRequest.Text(data, "last_name") ?? order.LastName;
        order.PhoneNumber = GmRequest.Text(data, "phone_number") ?? order.PhoneNumber;
        order.PhoneNumberCountry = GmRequest.Text(data, "phone_number_country") ?? order.PhoneNumberCountry;
    }

    private static void ApplyTickets(GmOrder order, JsonElement data)
    {
        var updates = new List<(GmTicket Ticket, string? Name, string? Email, bool Keep)>();
        foreach (var (item, i) in GmRequest.Array(data, "tickets", "tickets").Select((e, i) => (e, i)))
        {
            var id = GmRequest.Long(item, "id", $"tickets[{i}].id") ?? throw GmError.Validation($"tickets[{i}].id", "blank", "can't be blank");
            var ticket = order.Tickets.FirstOrDefault(t => t.Id == id) ?? throw GmError.Validation($"tickets[{i}].id", "invalid", $"ticket {id} is not on this order");
            updates.Add((ticket, GmRequest.Text(item, "name"), GmRequest.Text(item, "email"), GmRequest.Bool(item, "keep")));
        }

        var keeps = order.Tickets.Count(t => t.Keep && updates.All(u => u.Ticket != t)) + updates.Count(u => u.Keep);
        if (keeps > 1)
        {
            throw GmError.Validation("tickets.keep", "invalid", "only one ticket can be kept by the guest");
        }

        foreach (var (ticket, name, email, keep) in updates)
        {
            ticket.Keep = keep;
            ticket.Name = keep ? null : name;
            ticket.Email = keep ? null : email;
        }
    }

    private static void ValidateTickets(GmOrder order, List<GmInvalidAttribute> invalid)
    {
        for (var i = 0; i < order.Tickets.Count; i++)
        {
            var ticket = order.Tickets[i];
            if (ticket.Keep || !ticket.Variant.CollectsAttendee)
            {
                continue;
            }

            if (ticket.Variant.CollectName)
            {
                Require(invalid, $"tickets[{i}].name", ticket.Name);
            }

            if (ticket.Variant.CollectEmail)
            {
                Require(invalid, $"tickets[{i}].email", ticket.Email);
            }

            if (!string.IsNullOrWhiteSpace(ticket.Email) && !GmRequest.IsEmail(ticket.Email))
            {
                invalid.Add(new GmInvalidAttribute($"tickets[{i}].email", "invalid", "is not an email address"));
            }
        }
    }

    private static void ApplyDelivery(GmOrder order, JsonElement data)
    {
        var shipments = GmRequest.Has(data, "shipments_attributes")
            ? GmRequest.Array(data, "shipments_attributes", "shipments_attributes")
            : GmRequest.Array(data, "shipments", "shipments");
        foreach (var (item, i) in shipments.Select((e, i) => (e, i)))
        {
            var id = GmRequest.Long(item, "id", $"shipments[{i}].id");
            var rate = GmRequest.Long(item, "selected_shipping_rate_id", $"shipments[{i}].selected_shipping_rate_id");
            if (order.Shipment is null || id != order.Shipment.Id)
            {
                throw GmError.Validation($"shipments[{i}].id", "invalid", "is not a shipment of this order");
            }

            if (rate is null || order.Shipment.Rates.All(r => r.Id != rate))
            {
                throw GmError.Validation($"shipments[{i}].selected_shipping_rate_id", "invalid", "is not a rate of this shipment");
            }

            order.Shipment.SelectedRateId = rate.Value;
        }
    }

    private static string ApplyPayment(GuestManagerStore store, GmOrder order, JsonElement data)
    {
        var payments = GmRequest.Array(data, "payments", "payments");
        if (payments.Count == 0)
        {
            throw GmError.Validation("payments", "blank", "a payment is required");
        }

        var total = GuestManagerTotals.Of(order).Total;
        var sum = 0m;
        string? token = null;
        var accepted = new List<(long Method, decimal Amount)>();
        foreach (var (item, i) in payments.Select((e, i) => (e, i)))
        {
            var field = $"payments[{i}]";
            var source = GmRequest.Get(item, "source") ?? item;
            if (CardFields.Any(f => GmRequest.Has(source, f) || GmRequest.Has(item, f)))
            {
                throw GmError.Validation(field + ".source", "invalid", "card data must not be sent; use a payment token from the payment provider");
            }

            var method = GmRequest.Long(item, "payment_method_id", field + ".payment_method_id");
            if (method != store.Catalog.PaymentMethod.Id)
            {
                throw GmError.Validation(field + ".payment_method_id", method is null ? "blank" : "invalid", "must be one of the order's payment_methods");
            }

            token = GmRequest.Text(source, "token") ?? GmRequest.Text(source, "gateway_payment_profile_id");
            if (string.IsNullOrWhiteSpace(token))
            {
                throw GmError.Validation(field + ".source.token", "blank", "can't be blank");
            }

            var amount = GmRequest.Decimal(item, "amount", field + ".amount") ?? total;
            accepted.Add((method.Value, amount));
            sum += amount;
        }

        if (sum != total)
        {
            throw GmError.Validation("payments[0].amount", "invalid", $"the payments must add up to the order total {GuestManagerJson.Decimal(total)}");
        }

        foreach (var replaced in order.Payments.Where(p => p.State == "checkout"))
        {
            replaced.State = "void";
        }

        foreach (var (method, amount) in accepted)
        {
            order.Payments.Add(new GmPayment { Id = store.NextId(), PaymentMethodId = method, Amount = amount, State = "checkout" });
        }

        return token!;
    }

    private static void Require(List<GmInvalidAttribute> invalid, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            invalid.Add(new GmInvalidAttribute(field, "blank", "can't be blank"));
        }
    }
}
