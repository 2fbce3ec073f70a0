namespace CommerceGateway.Adapters.Livescale;

/// <summary>Reads the spec's Basket schema into the unified cart, checking every field it uses.</summary>
internal static class LivescaleBasketReader
{
    /// <summary>
    /// The cart as the basket shows it. The basket is the source of truth for lines, totals,
    /// addresses, coupons and the customer's email; the buyer's names and the chosen shipping
    /// option are not in the basket and are kept from <paramref name="cart"/>.
    /// </summary>
    public static Cart Apply(Cart cart, BackendJsonValue basket)
    {
        var currency = basket.Required("currency").AsCurrency();
        if (currency != cart.Currency)
        {
            throw basket.Required("currency").Problem($"expected {cart.Currency}, the cart's currency");
        }

        var lines = basket.Optional("items")?.Items().Select(item => Line(item, currency, cart)).ToList() ?? [];
        var email = basket.Optional("customer")?.Optional("email")?.AsString();
        var updated = cart with
        {
            Lines = lines,
            Buyer = email is null ? cart.Buyer : (cart.Buyer ?? new Buyer(email)) with { Email = email },
            ShippingAddress = basket.Optional("shipping_address") is { } shipping ? ReadAddress(shipping) : null,
            BillingAddress = basket.Optional("billing_address") is { } billing ? ReadAddress(billing) : null,
            DiscountCodes = basket.Optional("discounts")?.Items()
                .Select(d => d.Optional("code")?.AsString())
                .OfType<string>()
                .ToList() ?? [],
            Totals = Totals(basket, currency),
            Backend = cart.Backend.With(LivescaleKeys.BasketId, basket.Required("id").AsText()),
        };
        return updated with { Checkout = LivescaleCheckoutSteps.Refresh(updated) };
    }

    /// <summary>An amount in the Price schema; its currency must be <paramref name="currency"/>.</summary>
    public static Money ReadPrice(BackendJsonValue price, CurrencyCode currency)
    {
        var priceCurrency = price.Required("currency").AsCurrency();
        return priceCurrency == currency
            ? price.Required("amount").AsMoney(currency)
            : throw price.Required("currency").Problem($"expected {currency}");
    }

    /// <summary>The spec's Address schema as a unified address.</summary>
    public static Address ReadAddress(BackendJsonValue address) => new(
        Line1: address.Required("address1").AsString(),
        City: address.Required("city").AsString(),
        PostalCode: address.Required("zip").AsText(),
        CountryCode: (address.Optional("country_code_alpha_2") ?? address.Required("country")).AsString(),
        Line2: address.Optional("address2")?.AsString(),
        RegionCode: address.Optional("province_code")?.AsString(),
        FirstName: address.Required("first_name").AsString(),
        LastName: address.Required("last_name").AsString(),
        Phone: address.Optional("phone")?.AsString());

    private static CartLine Line(BackendJsonValue item, CurrencyCode currency, Cart previous)
    {
        var id = item.Required("id").AsText();
        var quantity = item.Required("quantity").AsInt32();
        if (quantity < 1)
        {
            throw item.Required("quantity").Problem("expected a quantity of 1 or more");
        }

        var unitPrice = ReadPrice(item.Required("price"), currency);
        var paid = item.Optional("discounted_price") is { } discounted ? ReadPrice(discounted, currency) : unitPrice;
        return new CartLine
        {
            Id = id,
            MerchandiseId = item.Required("sku").AsString(),
            Title = previous.FindLine(id)?.Title,
            Quantity = quantity,
            UnitPrice = unitPrice,
            Total = paid * quantity,
        };
    }

    private static CartTotals Totals(BackendJsonValue basket, CurrencyCode currency)
    {
        Money Amount(string name) => basket.Optional(name)?.AsMoney(currency) ?? Money.Zero(currency);

        var taxation = basket.Optional("taxation")?.AsString() ?? "NET";
        if (taxation is not ("NET" or "GROSS"))
        {
            throw basket.Required("taxation").Problem("expected NET or GROSS");
        }

        return new CartTotals(
            basket.Required("sub_total").AsMoney(currency),
            Amount("discounts_total") + Amount("gift_cards_total"),
            Amount("shipping_total"),
            Amount("taxes_total"),
            basket.Required("total").AsMoney(currency),
            TaxesIncluded: taxation == "GROSS");
    }
}
