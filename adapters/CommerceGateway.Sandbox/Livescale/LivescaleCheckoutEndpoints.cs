namespace CommerceGateway.Sandbox.Livescale;

/// <summary>
/// What a basket needs before it can become an order: customer, shipping address and method,
/// promotion coupons, billing address and payment method.
/// </summary>
internal static class LivescaleCheckoutEndpoints
{
    /// <summary>The payment method Livescale's app pays with; always offered.</summary>
    public const string LivescalePaymentMethod = "LIVESCALE";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPut("/baskets/{basketId}/customer", SetCustomerAsync);
        group.MapPut("/baskets/{basketId}/shipping_address", (HttpContext http, LivescaleState state, string basketId) =>
            SetAddressAsync(http, state, basketId, (basket, address) => basket.ShippingAddress = address));
        group.MapPut("/baskets/{basketId}/billing_address", (HttpContext http, LivescaleState state, string basketId) =>
            SetAddressAsync(http, state, basketId, (basket, address) => basket.BillingAddress = address));

        group.MapGet("/baskets/{basketId}/shipping_methods", (HttpContext http, LivescaleState state, string basketId) =>
            LivescaleBaskets.With(http, state, basketId, modifies: false, basket =>
                basket.ShippingAddress is null
                    ? ShippingAddressRequired()
                    : LivescaleJson.Json(LivescaleSeed.ShippingMethods
                        .Select(m => new { m.Id, m.Name, m.Description, m.Carrier, Price = new LivescalePriceDto(m.Price, basket.Merchant.Currency) })
                        .ToList())));
        group.MapPut("/baskets/{basketId}/shipping_method", SetShippingMethodAsync);

        group.MapPut("/baskets/{basketId}/promotion", ApplyCouponAsync);
        group.MapDelete("/baskets/{basketId}/promotion/{promotionId}", (HttpContext http, LivescaleState state, string basketId, string promotionId) =>
            LivescaleBaskets.With(http, state, basketId, modifies: true, basket =>
                basket.Coupons.RemoveAll(c => string.Equals(c, promotionId, StringComparison.OrdinalIgnoreCase)) == 0
                    ? LivescaleJson.Error(StatusCodes.Status404NotFound, "not_found", $"No promotion '{promotionId}' on the basket.")
                    : LivescaleBaskets.Json(basket)));

        group.MapGet("/baskets/{basketId}/payment_methods", (HttpContext http, LivescaleState state, string basketId) =>
            LivescaleBaskets.With(http, state, basketId, modifies: false, _ =>
                LivescaleJson.Json(new[] { new { Id = LivescalePaymentMethod, Name = "Livescale" } })));
        group.MapPut("/baskets/{basketId}/payment_method", SetPaymentMethodAsync);
    }

    private static async Task<IResult> SetCustomerAsync(HttpContext http, LivescaleState state, string basketId)
    {
        var (body, error) = await LivescaleJson.ReadAsync<LivescaleCustomerInput>(http.Request);
        if (error is not null)
        {
            return error;
        }

        return LivescaleBaskets.With(http, state, basketId, modifies: true, basket =>
        {
            if (body!.Id is { } id && id != basket.CustomerToken)
            {
                return LivescaleJson.Error(StatusCodes.Status403Forbidden, "customer_mismatch", "The customer id is not the basket's guest session.");
            }

            if (body.Email is not { } email || !IsEmail(email))
            {
                return LivescaleJson.Error(StatusCodes.Status400BadRequest, "invalid_email", "A valid email is required.");
            }

            basket.Email = email;
            return LivescaleBaskets.Json(basket);
        });
    }

    private static async Task<IResult> SetAddressAsync(HttpContext http, LivescaleState state, string basketId, Action<LivescaleBasket, LivescaleAddress> set)
    {
        var (address, error) = await LivescaleJson.ReadAsync<LivescaleAddress>(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (address!.MissingField() is { } missing)
        {
            return LivescaleJson.Error(StatusCodes.Status400BadRequest, "invalid_address", $"{missing} is required.");
        }

        return LivescaleBaskets.With(http, state, basketId, modifies: true, basket =>
        {
            set(basket, address);
            return LivescaleBaskets.Json(basket);
        });
    }

    private static async Task<IResult> SetShippingMethodAsync(HttpContext http, LivescaleState state, string basketId)
    {
        var (body, error) = await LivescaleJson.ReadAsync<LivescaleIdInput>(http.Request);
        if (error is not null)
        {
            return error;
        }

        return LivescaleBaskets.With(http, state, basketId, modifies: true, basket =>
        {
            if (basket.ShippingAddress is null)
            {
                return ShippingAddressRequired();
            }

            if (LivescaleSeed.ShippingMethods.All(m => m.Id != body!.Id))
            {
                return LivescaleJson.Error(StatusCodes.Status422UnprocessableEntity, "unknown_shipping_method", $"No shipping method '{body!.Id}'.");
            }

            basket.ShippingMethodId = body!.Id;
            return LivescaleBaskets.Json(basket);
        });
    }

    private static async Task<IResult> ApplyCouponAsync(HttpContext http, LivescaleState state, string basketId)
    {
        var (body, error) = await LivescaleJson.ReadAsync<LivescalePromotionInput>(http.Request);
        if (error is not null)
        {
            return error;
        }

        return LivescaleBaskets.With(http, state, basketId, modifies: true, basket =>
        {
            var coupon = LivescaleSeed.Coupons.FirstOrDefault(c => string.Equals(c.Code, body!.Coupon?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (coupon is null)
            {
                return LivescaleJson.Error(StatusCodes.Status422UnprocessableEntity, "invalid_coupon", $"The coupon '{body!.Coupon}' does not exist or has expired.");
            }

            if (!basket.Coupons.Contains(coupon.Code))
            {
                basket.Coupons.Add(coupon.Code);
            }

            return LivescaleBaskets.Json(basket);
        });
    }

    private static async Task<IResult> SetPaymentMethodAsync(HttpContext http, LivescaleState state, string basketId)
    {
        var (body, error) = await LivescaleJson.ReadAsync<LivescaleIdInput>(http.Request);
        if (error is not null)
        {
            return error;
        }

        return LivescaleBaskets.With(http, state, basketId, modifies: true, basket =>
        {
            if (body!.Id != LivescalePaymentMethod)
            {
                return LivescaleJson.Error(StatusCodes.Status422UnprocessableEntity, "unsupported_payment_method", $"Only the {LivescalePaymentMethod} payment method is accepted.");
            }

            basket.PaymentMethodId = body.Id;
            return LivescaleBaskets.Json(basket);
        });
    }

    private static IResult ShippingAddressRequired() =>
        LivescaleJson.Error(StatusCodes.Status409Conflict, "shipping_address_required", "Set the basket's shipping address first: shipping methods depend on it.");

    private static bool IsEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < email.Length - 1 && email.IndexOf('@', at + 1) < 0 && !email.Any(char.IsWhiteSpace);
    }
}
