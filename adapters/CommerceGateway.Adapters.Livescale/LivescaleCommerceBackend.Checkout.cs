namespace CommerceGateway.Adapters.Livescale;

/// <content>Checkout steps: addresses, shipping method and coupons.</content>
public sealed partial class LivescaleCommerceBackend
{
    /// <summary>Lists the standard flow's steps: Email, Address (shipping and billing), Delivery, Payment.</summary>
    public override Task<Cart> BeginCheckoutAsync(Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        BasketId(cart);
        if (cart.Lines.Count == 0)
        {
            throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidStep, "The cart is empty: add a line before checking out.");
        }

        return Task.FromResult(cart with { Checkout = LivescaleCheckoutSteps.Compute(cart, CheckoutStatus.Open) });
    }

    /// <summary>
    /// Sets the shipping (<c>PUT /baskets/{id}/shipping_address</c>) and/or billing
    /// (<c>PUT /baskets/{id}/billing_address</c>) address. Livescale addresses need a first and
    /// last name: the address's own, else the buyer's.
    /// </summary>
    public override async Task<Cart> UpdateAddressesAsync(Cart cart, Address? shipping, Address? billing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (shipping is null && billing is null)
        {
            throw Invalid("Give a shipping address, a billing address or both.", "shipping");
        }

        if (shipping is not null)
        {
            cart = await BasketCallAsync(cart, AddressCall(cart, "shipping_address", "shipping", shipping), cancellationToken);
        }

        if (billing is not null)
        {
            cart = await BasketCallAsync(cart, AddressCall(cart, "billing_address", "billing", billing), cancellationToken);
        }

        return cart;
    }

    /// <summary>The basket's shipping methods (<c>GET /baskets/{id}/shipping_methods</c>).</summary>
    public override async Task<IReadOnlyList<ShippingOption>> GetShippingOptionsAsync(Cart cart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        using var document = await _client.SendAsync(new LivescaleCall("GetShippingOptions", HttpMethod.Get, BasketPath(cart, "/shipping_methods"), RefusalCode: CommerceErrorCodes.InvalidStep), cancellationToken);
        return document.Root(Channel.Name).Items()
            .Select(m => new ShippingOption(
                m.Required("id").AsText(),
                m.Optional("name")?.AsString() ?? m.Required("id").AsText(),
                m.Optional("price") is { } price ? LivescaleBasketReader.ReadPrice(price, cart.Currency) : Money.Zero(cart.Currency)))
            .ToList();
    }

    /// <summary>Chooses a shipping method (<c>PUT /baskets/{id}/shipping_method</c>) among those offered.</summary>
    public override async Task<Cart> SelectShippingOptionAsync(Cart cart, string optionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentException.ThrowIfNullOrEmpty(optionId);

        // The basket does not show its shipping method, so the offer gives the option's name and price.
        var option = (await GetShippingOptionsAsync(cart, cancellationToken)).FirstOrDefault(o => o.Id == optionId)
            ?? throw Invalid($"'{optionId}' is not one of the basket's shipping methods.", "optionId");
        var updated = await BasketCallAsync(cart, new LivescaleCall("SelectShippingOption", HttpMethod.Put, BasketPath(cart, "/shipping_method"), new { id = optionId }, SafeToRetry: true, CommerceErrorCodes.InvalidInput), cancellationToken);
        updated = updated with { ShippingOption = option };
        return updated with { Checkout = LivescaleCheckoutSteps.Refresh(updated) };
    }

    /// <summary>Applies a coupon (<c>PUT /baskets/{id}/promotion</c>); an unknown coupon is INVALID_DISCOUNT_CODE.</summary>
    public override Task<Cart> ApplyDiscountCodeAsync(Cart cart, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return BasketCallAsync(cart, new LivescaleCall("ApplyDiscountCode", HttpMethod.Put, BasketPath(cart, "/promotion"), new { coupon = code }, SafeToRetry: true, CommerceErrorCodes.InvalidDiscountCode), cancellationToken);
    }

    /// <summary>Removes a coupon (<c>DELETE /baskets/{id}/promotion/{promotion_id}</c>, the id being the coupon code).</summary>
    public override Task<Cart> RemoveDiscountCodeAsync(Cart cart, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var applied = cart.DiscountCodes.FirstOrDefault(c => string.Equals(c, code, StringComparison.OrdinalIgnoreCase))
            ?? throw new BackendRejectedException(Channel.Name, CommerceErrorCodes.InvalidDiscountCode, $"The coupon '{code}' is not applied to the cart.", field: "code");
        return BasketCallAsync(cart, new LivescaleCall("RemoveDiscountCode", HttpMethod.Delete, BasketPath(cart, $"/promotion/{Uri.EscapeDataString(applied)}"), RefusalCode: CommerceErrorCodes.InvalidDiscountCode), cancellationToken);
    }

    private LivescaleCall AddressCall(Cart cart, string resource, string field, Address address)
    {
        var firstName = address.FirstName ?? cart.Buyer?.FirstName;
        var lastName = address.LastName ?? cart.Buyer?.LastName;
        if (string.IsNullOrWhiteSpace(firstName) || string.IsNullOrWhiteSpace(lastName))
        {
            throw Invalid("Livescale addresses need the recipient's first and last name (on the address or the buyer).", $"{field}.firstName");
        }

        var body = new Dictionary<string, string?>
        {
            ["first_name"] = firstName,
            ["last_name"] = lastName,
            ["address1"] = address.Line1,
            ["address2"] = address.Line2,
            ["city"] = address.City,
            ["province_code"] = address.RegionCode,
            ["country"] = address.CountryCode,
            ["country_code_alpha_2"] = address.CountryCode,
            ["zip"] = address.PostalCode,
            ["phone"] = address.Phone,
        };
        return new LivescaleCall("UpdateAddresses", HttpMethod.Put, BasketPath(cart, "/" + resource), body.Where(kv => kv.Value is not null).ToDictionary(), SafeToRetry: true, CommerceErrorCodes.InvalidInput);
    }
}
