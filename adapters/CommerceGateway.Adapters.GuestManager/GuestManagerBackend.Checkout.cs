using System.Text.Json.Nodes;

namespace CommerceGateway.Adapters.GuestManager;

/// <content>The checkout steps: begin, attendees, addresses, delivery, form and coupons.</content>
public sealed partial class GuestManagerBackend
{
    /// <summary>Moves the order from <c>cart</c> to its first checkout step; an order already in checkout is read as it is.</summary>
    public override async Task<Cart> BeginCheckoutAsync(Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var current = await CallAsync(cart, HttpMethod.Get, $"orders/{OrderId(cart)}", null, "BeginCheckout", safe: true, cancellationToken);
        return State(current) is GuestManagerSteps.Cart or GuestManagerSteps.Expired
            ? await CallAsync(current, HttpMethod.Patch, $"checkout/{OrderId(cart)}/next", new JsonObject(), "BeginCheckout", safe: false, cancellationToken)
            : current;
    }

    /// <summary>
    /// Submits the <c>tickets</c> step. An attendee with a name gets that name (and email); an
    /// attendee without a name is kept by the buyer (<c>keep: true</c>), which only one ticket may be.
    /// </summary>
    public override Task<Cart> UpdateAttendeesAsync(Cart cart, IReadOnlyList<Attendee> attendees, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(attendees);
        var tickets = new JsonArray([.. attendees.Select(a => (JsonNode)(string.IsNullOrWhiteSpace(a.Name)
            ? new JsonObject { ["id"] = Id(a.TicketId), ["keep"] = true }
            : new JsonObject { ["id"] = Id(a.TicketId), ["name"] = a.Name, ["email"] = a.Email, ["keep"] = false }))]);
        return SubmitStepAsync(cart, GuestManagerSteps.Tickets, new JsonObject { ["tickets"] = tickets }, "UpdateAttendees", cancellationToken);
    }

    /// <summary>Submits the <c>form</c> step: answers grouped by form response, multiple-choice values being option ids.</summary>
    public override Task<Cart> UpdateFormAnswersAsync(Cart cart, IReadOnlyList<FormAnswer> answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(answers);
        var responses = new JsonArray([.. answers.GroupBy(a => a.FormId, StringComparer.Ordinal).Select(g => (JsonNode)new JsonObject
        {
            ["id"] = Id(g.Key),
            ["answers"] = new JsonArray([.. g.Select(a => (JsonNode)new JsonObject { ["id"] = Id(a.QuestionId), ["value"] = a.Value })]),
        })]);
        return SubmitStepAsync(cart, GuestManagerSteps.Form, new JsonObject { ["responses"] = responses }, "UpdateFormAnswers", cancellationToken);
    }

    /// <summary>Submits the <c>address</c> step with ISO country and state codes; billing defaults to the shipping address.</summary>
    public override Task<Cart> UpdateAddressesAsync(Cart cart, Address? shipping, Address? billing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (shipping is null && billing is null)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidInput, "Give a shipping or a billing address.", field: "address");
        }

        var data = new JsonObject { ["bill_address"] = ToJson(billing ?? shipping!) };
        if (shipping is not null)
        {
            data["ship_address"] = ToJson(shipping);
        }

        return SubmitStepAsync(cart, GuestManagerSteps.Address, data, "UpdateAddresses", cancellationToken);
    }

    /// <summary>The rates of the order's shipment; empty until the shipping address is known.</summary>
    public override async Task<IReadOnlyList<ShippingOption>> GetShippingOptionsAsync(Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        using var document = await _api.SendAsync(HttpMethod.Get, $"orders/{OrderId(cart)}", null, "GetShippingOptions", true, cancellationToken);
        return [.. GuestManagerCartReader.ReadShippingOptions(document.Root(Channel.Name), cart.Currency).Select(o => o.Option)];
    }

    /// <summary>Submits the <c>delivery</c> step with the chosen rate of the order's shipment.</summary>
    public override async Task<Cart> SelectShippingOptionAsync(Cart cart, string optionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        using var document = await _api.SendAsync(HttpMethod.Get, $"orders/{OrderId(cart)}", null, "SelectShippingOption", true, cancellationToken);
        var options = GuestManagerCartReader.ReadShippingOptions(document.Root(Channel.Name), cart.Currency);
        var chosen = options.FirstOrDefault(o => o.Option.Id == optionId);
        if (chosen.Option is null)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidInput,
                options.Count == 0 ? "The order has no shipment yet; give the shipping address first." : $"'{optionId}' is not one of the order's shipping rates.",
                field: "optionId");
        }

        var shipments = new JsonArray(new JsonObject { ["id"] = Id(chosen.ShipmentId), ["selected_shipping_rate_id"] = Id(optionId) });
        return await SubmitStepAsync(cart, GuestManagerSteps.Delivery, new JsonObject { ["shipments_attributes"] = shipments }, "SelectShippingOption", cancellationToken);
    }

    /// <summary>Applies a coupon; an unknown code is INVALID_DISCOUNT_CODE.</summary>
    public override Task<Cart> ApplyDiscountCodeAsync(Cart cart, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return CallAsync(cart, HttpMethod.Patch, $"orders/{OrderId(cart)}/apply_coupon_code", new JsonObject { ["coupon_code"] = code }, "ApplyDiscountCode", safe: true, cancellationToken);
    }

    /// <summary>Removes a coupon.</summary>
    public override Task<Cart> RemoveDiscountCodeAsync(Cart cart, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return CallAsync(cart, HttpMethod.Patch, $"orders/{OrderId(cart)}/remove_coupon_code", new JsonObject { ["coupon_code"] = code }, "RemoveDiscountCode", safe: true, cancellationToken);
    }

    /// <summary>
    /// Sends one step's data with <c>order[state]</c> and the guest token. The backend then moves
    /// to the step after it; when the step was an earlier one being changed, the order is walked
    /// back to where it was, as far as the steps in between are still satisfied.
    /// </summary>
    private async Task<Cart> SubmitStepAsync(Cart cart, string step, JsonObject data, string operation, CancellationToken cancellationToken)
    {
        var before = State(cart);
        data["state"] = step;
        data["guest_token"] = cart.Backend.Get(GuestManagerCartReader.GuestTokenKey);
        var updated = await CallAsync(cart, HttpMethod.Patch, $"checkout/{OrderId(cart)}", new JsonObject { ["order"] = data }, operation, safe: false, cancellationToken);
        var steps = updated.Checkout.Steps.Select(s => GuestManagerSteps.NameOf(s.Kind)).ToList();
        if (steps.IndexOf(before) <= steps.IndexOf(State(updated)) || GuestManagerSteps.IsFinal(before) || before == GuestManagerSteps.Processing)
        {
            return updated;
        }

        try
        {
            return await CallAsync(updated, HttpMethod.Patch, $"checkout/{OrderId(cart)}/next", new JsonObject { ["state"] = before }, operation, safe: false, cancellationToken);
        }
        catch (BackendRejectedException e) when (e.Code == CommerceErrorCodes.InvalidInput)
        {
            // A step in between needs new data now; the checkout stays at it.
            return await CallAsync(updated, HttpMethod.Get, $"orders/{OrderId(cart)}", null, operation, safe: true, cancellationToken);
        }
    }

    private static JsonObject ToJson(Address address) => new()
    {
        ["firstname"] = address.FirstName,
        ["lastname"] = address.LastName,
        ["address1"] = address.Line1,
        ["address2"] = address.Line2,
        ["city"] = address.City,
        ["zipcode"] = address.PostalCode,
        ["phone"] = address.Phone,
        ["company"] = address.Company,
        ["state_code"] = address.RegionCode,
        ["country_code"] = address.CountryCode,
    };
}
