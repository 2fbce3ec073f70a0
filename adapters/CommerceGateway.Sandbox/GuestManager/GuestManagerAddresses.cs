using System.Text.Json;

namespace CommerceGateway.Sandbox.GuestManager;

/// <summary>
/// The address step: <c>bill_address</c> and <c>ship_address</c>, with the state and country given
/// by id or by ISO code. A shippable order needs a shipping address and gets a shipment with
/// rates once it has one; a paid order (or an account that requires it) needs a billing address.
/// </summary>
internal static class GuestManagerAddresses
{
    public static void Apply(GuestManagerStore store, GmOrder order, JsonElement data)
    {
        var bill = GmRequest.Get(data, "bill_address") is { } billData ? Parse(store, billData, "bill_address") : null;
        var ship = GmRequest.Get(data, "ship_address") is { } shipData ? Parse(store, shipData, "ship_address") : null;
        order.BillAddress = bill ?? order.BillAddress;
        order.ShipAddress = ship ?? order.ShipAddress;
        var invalid = new List<GmInvalidAttribute>();
        Validate(store, order, invalid);
        if (invalid.Count > 0)
        {
            throw GmError.Validation(invalid);
        }

        if (order.ShipAddress is not null && order.LineItems.Any(l => l.Variant.Shippable) && order.Shipment is null)
        {
            var rates = store.Catalog.ShippingRates.Select(r => (store.NextId(), r.Name, r.Cost)).ToList();
            order.Shipment = new GmShipment { Id = store.NextId(), Rates = rates, SelectedRateId = rates[0].Item1 };
        }
    }

    public static void Validate(GuestManagerStore store, GmOrder order, List<GmInvalidAttribute> invalid)
    {
        if (order.LineItems.Any(l => l.Variant.Shippable) && order.ShipAddress is null)
        {
            invalid.Add(new GmInvalidAttribute("ship_address", "blank", "can't be blank"));
        }

        if ((store.Settings.RequireBillingAddress || GuestManagerTotals.Of(order).Total > 0) && order.BillAddress is null)
        {
            invalid.Add(new GmInvalidAttribute("bill_address", "blank", "can't be blank"));
        }
    }

    private static GmAddress Parse(GuestManagerStore store, JsonElement data, string prefix)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw GmError.Validation(prefix, "invalid", "must be an object");
        }

        var invalid = new List<GmInvalidAttribute>();
        var address1 = Required(data, "address1", prefix, invalid);
        var city = Required(data, "city", prefix, invalid);
        var zipcode = Required(data, "zipcode", prefix, invalid);
        var countryId = GmRequest.Long(data, "country_id", prefix + ".country_id");
        var countryCode = GmRequest.Text(data, "country_code");
        var country = store.Catalog.FindCountry(countryId, countryCode);
        if (country is null)
        {
            invalid.Add(countryId is null && countryCode is null
                ? new GmInvalidAttribute(prefix + ".country", "blank", "can't be blank")
                : new GmInvalidAttribute(prefix + ".country", "invalid", "is not a known country id or ISO code"));
        }

        var stateId = GmRequest.Long(data, "state_id", prefix + ".state_id");
        var stateCode = GmRequest.Text(data, "state_code");
        string? resolvedCode = null;
        if (country is not null && country.States.Count > 0)
        {
            var match = country.States.FirstOrDefault(s => s.Value == stateId || string.Equals(s.Key, stateCode, StringComparison.OrdinalIgnoreCase));
            if (match.Key is null)
            {
                invalid.Add(stateId is null && stateCode is null
                    ? new GmInvalidAttribute(prefix + ".state", "blank", "can't be blank")
                    : new GmInvalidAttribute(prefix + ".state", "invalid", $"is not a state of {country.Iso}"));
            }
            else
            {
                resolvedCode = match.Key;
                stateId = match.Value;
            }
        }
        else
        {
            stateId = null;
            resolvedCode = stateCode;
        }

        if (invalid.Count > 0)
        {
            throw GmError.Validation(invalid);
        }

        return new GmAddress(
            store.NextId(),
            GmRequest.Text(data, "firstname"),
            GmRequest.Text(data, "lastname"),
            address1!,
            GmRequest.Text(data, "address2"),
            city!,
            zipcode!,
            GmRequest.Text(data, "phone"),
            GmRequest.Text(data, "company"),
            country!,
            resolvedCode,
            stateId);
    }

    private static string? Required(JsonElement data, string name, string prefix, List<GmInvalidAttribute> invalid)
    {
        var value = GmRequest.Text(data, name);
        if (string.IsNullOrWhiteSpace(value))
        {
            invalid.Add(new GmInvalidAttribute($"{prefix}.{name}", "blank", "can't be blank"));
        }

        return value;
    }
}
