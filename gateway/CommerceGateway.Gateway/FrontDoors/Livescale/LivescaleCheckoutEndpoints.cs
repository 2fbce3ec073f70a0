using CommerceGateway.Adapters;
using CommerceGateway.Checkout;

namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>
/// The basket's customer, addresses, shipping, promotions and payment method, each a checkout core
/// change. What the channel's protocol cannot do (ship, take codes) is refused naming the channel
/// and the capability it lacks.
/// </summary>
internal static class LivescaleCheckoutEndpoints
{
    public const string PaymentMethodId = "LIVESCALE";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPut("/baskets/{basket_id}/customer", CustomerAsync);
        group.MapPut("/baskets/{basket_id}/shipping_address", ShippingAddressAsync);
        group.MapPut("/baskets/{basket_id}/billing_address", BillingAddressAsync);
        group.MapGet("/baskets/{basket_id}/shipping_methods", ShippingMethodsAsync);
        group.MapPut("/baskets/{basket_id}/shipping_method", ShippingMethodAsync);
        group.MapPut("/baskets/{basket_id}/promotion", PromotionAsync);
        group.MapDelete("/baskets/{basket_id}/promotion/{promotion_id}", RemovePromotionAsync);
        group.MapGet("/baskets/{basket_id}/payment_methods", PaymentMethodsAsync);
        group.MapPut("/baskets/{basket_id}/payment_method", PaymentMethodAsync);
    }

    private static async Task<IResult> CustomerAsync(HttpContext http, string basket_id, LivescaleBaskets baskets)
    {
        var caller = LivescaleCaller.Of(http);
        var (body, error) = await LivescaleJson.ReadAsync<LivescaleCustomerInput>(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(body!.Email))
        {
            return LivescaleErrors.Error(StatusCodes.Status400BadRequest, "invalid_email", "email is required.");
        }

        return await baskets.ChangeAsync(caller, basket_id, (cart, basket) =>
        {
            if (body.Id is { } id && id != basket.CustomerToken)
            {
                return Task.FromResult(CheckoutResult.Fail<Cart>("CUSTOMER_MISMATCH", "The customer id is not this basket's customer_token.", "id"));
            }

            // Livescale knows the guest by email only; the names come with the addresses.
            var named = basket.BillingAddress ?? basket.ShippingAddress;
            var buyer = new Buyer(body.Email.Trim(), cart.Buyer?.FirstName ?? named?.FirstName, cart.Buyer?.LastName ?? named?.LastName, cart.Buyer?.Phone ?? named?.Phone);
            return baskets.Checkout.UpdateBuyerAsync(caller.Client, cart.Id, buyer, null, http.RequestAborted);
        }, http.RequestAborted);
    }

    private static Task<IResult> ShippingAddressAsync(HttpContext http, string basket_id, LivescaleBaskets baskets) =>
        AddressAsync(http, basket_id, baskets, shipping: true);

    private static Task<IResult> BillingAddressAsync(HttpContext http, string basket_id, LivescaleBaskets baskets) =>
        AddressAsync(http, basket_id, baskets, shipping: false);

    private static async Task<IResult> AddressAsync(HttpContext http, string basketId, LivescaleBaskets baskets, bool shipping)
    {
        var caller = LivescaleCaller.Of(http);
        var addresses = caller.Channel.Supports(ChannelCapabilities.Shipping);
        if (shipping && !addresses)
        {
            return LivescaleErrors.NotSupported(caller.Channel, ChannelCapabilities.Shipping, "shipping addresses");
        }

        var (body, error) = await LivescaleJson.ReadAsync<LivescaleAddress>(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (body!.MissingField() is { } missing)
        {
            return LivescaleErrors.Error(StatusCodes.Status400BadRequest, "invalid_address", $"The address needs {missing}.");
        }

        if (body.ToAddress() is not { } address)
        {
            return LivescaleErrors.Error(StatusCodes.Status400BadRequest, "invalid_address", "Give country_code_alpha_2 (ISO 3166-1), or country as that code.");
        }

        var cancellationToken = http.RequestAborted;
        return await baskets.ChangeAsync(caller, basketId, async (cart, basket) =>
        {
            // Livescale names the guest only in addresses; a backend whose contact step needs names gets them first.
            var result = CheckoutResult.Ok(cart);
            if (cart.Buyer is { Email: { } email } buyer && (buyer.FirstName is null || buyer.LastName is null))
            {
                result = await baskets.Checkout.UpdateBuyerAsync(caller.Client, cart.Id, new Buyer(email, buyer.FirstName ?? body.FirstName, buyer.LastName ?? body.LastName, buyer.Phone ?? body.Phone), null, cancellationToken);
            }

            if (addresses && result.Succeeded)
            {
                result = await baskets.EnsureCheckoutAsync(caller, result.Value!, cancellationToken);
                if (result.Succeeded)
                {
                    // The other address is sent again where it is known, so a backend that defaults billing to shipping keeps the one given.
                    result = shipping
                        ? await baskets.Checkout.UpdateAddressesAsync(caller.Client, cart.Id, address, basket.BillingAddress?.ToAddress(), null, cancellationToken)
                        : await baskets.Checkout.UpdateAddressesAsync(caller.Client, cart.Id, null, address, null, cancellationToken);
                }
            }

            if (result.Succeeded)
            {
                await baskets.Documents.UpdateBasketAsync(cart.Id, b => shipping ? b with { ShippingAddress = body } : b with { BillingAddress = body }, cancellationToken);
            }

            return result;
        }, cancellationToken);
    }

    private static async Task<IResult> ShippingMethodsAsync(HttpContext http, string basket_id, LivescaleBaskets baskets)
    {
        var caller = LivescaleCaller.Of(http);
        if (!caller.Channel.Supports(ChannelCapabilities.Shipping))
        {
            return LivescaleErrors.NotSupported(caller.Channel, ChannelCapabilities.Shipping, "shipping methods");
        }

        var (cart, _, error) = await baskets.LoadAsync(caller, basket_id, http.RequestAborted);
        if (error is not null)
        {
            return error;
        }

        var options = await baskets.Checkout.GetShippingOptionsAsync(caller.Client, cart!.Id, http.RequestAborted);
        return options.Succeeded
            ? LivescaleJson.Ok(options.Value!.Select(o => new LivescaleShippingMethodView(o.Id, o.Title, LivescalePrice.Of(o.Price))).ToList())
            : LivescaleErrors.From(options.Errors);
    }

    private static async Task<IResult> ShippingMethodAsync(HttpContext http, string basket_id, LivescaleBaskets baskets)
    {
        var caller = LivescaleCaller.Of(http);
        if (!caller.Channel.Supports(ChannelCapabilities.Shipping))
        {
            return LivescaleErrors.NotSupported(caller.Channel, ChannelCapabilities.Shipping, "shipping methods");
        }

        var (body, error) = await LivescaleJson.ReadAsync<LivescaleIdInput>(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(body!.Id))
        {
            return LivescaleErrors.Error(StatusCodes.Status400BadRequest, "invalid_request", "id (the shipping method's) is required.");
        }

        return await baskets.ChangeAsync(caller, basket_id, async (cart, _) =>
        {
            var begun = await baskets.EnsureCheckoutAsync(caller, cart, http.RequestAborted);
            var chosen = begun.Succeeded ? await baskets.Checkout.SelectShippingOptionAsync(caller.Client, cart.Id, body.Id, null, http.RequestAborted) : begun;
            if (chosen.Succeeded)
            {
                await baskets.Documents.UpdateBasketAsync(cart.Id, b => b with { ShippingMethod = body.Id }, http.RequestAborted);
            }

            return chosen;
        }, http.RequestAborted);
    }

    private static async Task<IResult> PromotionAsync(HttpContext http, string basket_id, LivescaleBaskets baskets)
    {
        var caller = LivescaleCaller.Of(http);
        if (!caller.Channel.Supports(ChannelCapabilities.DiscountCodes))
        {
            return LivescaleErrors.NotSupported(caller.Channel, ChannelCapabilities.DiscountCodes, "promotions");
        }

        var (body, error) = await LivescaleJson.ReadAsync<LivescalePromotionInput>(http.Request);
        if (error is not null)
        {
            return error;
        }

        return string.IsNullOrWhiteSpace(body!.Coupon)
            ? LivescaleErrors.Error(StatusCodes.Status400BadRequest, "invalid_request", "coupon is required.")
            : await baskets.ChangeAsync(caller, basket_id, (cart, _) => baskets.Checkout.ApplyDiscountCodeAsync(caller.Client, cart.Id, body.Coupon, null, http.RequestAborted), http.RequestAborted);
    }

    private static Task<IResult> RemovePromotionAsync(HttpContext http, string basket_id, string promotion_id, LivescaleBaskets baskets)
    {
        var caller = LivescaleCaller.Of(http);
        if (!caller.Channel.Supports(ChannelCapabilities.DiscountCodes))
        {
            return Task.FromResult(LivescaleErrors.NotSupported(caller.Channel, ChannelCapabilities.DiscountCodes, "promotions"));
        }

        return baskets.ChangeAsync(caller, basket_id, (cart, _) =>
            cart.DiscountCodes.FirstOrDefault(c => string.Equals(c, promotion_id, StringComparison.OrdinalIgnoreCase)) is { } code
                ? baskets.Checkout.RemoveDiscountCodeAsync(caller.Client, cart.Id, code, null, http.RequestAborted)
                : Task.FromResult(CheckoutResult.Fail<Cart>(CommerceErrorCodes.NotFound, $"Basket '{basket_id}' has no promotion '{promotion_id}'.", "promotion_id")), http.RequestAborted);
    }

    private static async Task<IResult> PaymentMethodsAsync(HttpContext http, string basket_id, LivescaleBaskets baskets, LivescalePayments payments)
    {
        var caller = LivescaleCaller.Of(http);
        var (_, _, error) = await baskets.LoadAsync(caller, basket_id, http.RequestAborted);
        // Livescale's payment orchestrator pays every basket; the backend is handed its PSP transaction.
        return error ?? payments.Unpayable(caller.Channel) ?? LivescaleJson.Ok(new[] { new LivescalePaymentMethodView(PaymentMethodId, "Livescale") });
    }

    private static async Task<IResult> PaymentMethodAsync(HttpContext http, string basket_id, LivescaleBaskets baskets, LivescalePayments payments)
    {
        var caller = LivescaleCaller.Of(http);
        if (payments.Unpayable(caller.Channel) is { } unpayable)
        {
            return unpayable;
        }

        var (body, error) = await LivescaleJson.ReadAsync<LivescaleIdInput>(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (body!.Id != PaymentMethodId)
        {
            return LivescaleErrors.Error(StatusCodes.Status422UnprocessableEntity, "unsupported_payment_method", $"The only payment method is {PaymentMethodId}.");
        }

        return await baskets.ChangeAsync(caller, basket_id, async (cart, _) =>
        {
            await baskets.Documents.UpdateBasketAsync(cart.Id, b => b with { PaymentMethod = PaymentMethodId }, http.RequestAborted);
            return CheckoutResult.Ok(cart);
        }, http.RequestAborted);
    }
}
