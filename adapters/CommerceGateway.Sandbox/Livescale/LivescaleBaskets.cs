using CommerceGateway.Sandbox.Faults;

namespace CommerceGateway.Sandbox.Livescale;

/// <summary>Finding a caller's basket under the state's lock, and writing it in the spec's shape.</summary>
internal static class LivescaleBaskets
{
    /// <summary>
    /// Runs <paramref name="action"/> on the caller's basket under the state's lock: 404 when the
    /// caller's store has no such basket, 409 when <paramref name="modifies"/> and an order is
    /// being paid for it.
    /// </summary>
    public static IResult With(HttpContext http, LivescaleState state, string basketId, bool modifies, Func<LivescaleBasket, IResult> action)
    {
        var merchant = LivescaleAuthFilter.TokenOf(http).Merchant;
        lock (state.Gate)
        {
            var basket = state.FindBasket(merchant, basketId);
            if (basket is null)
            {
                return LivescaleJson.Error(StatusCodes.Status404NotFound, "not_found", $"No basket '{basketId}'.");
            }

            if (modifies && basket.OrderId is not null)
            {
                return LivescaleJson.Error(StatusCodes.Status409Conflict, "basket_ordered", $"The basket is being ordered (order '{basket.OrderId}'); it can no longer change.");
            }

            return action(basket);
        }
    }

    /// <summary>The basket as the spec's Basket schema, totals computed.</summary>
    public static IResult Json(LivescaleBasket basket, int statusCode = StatusCodes.Status200OK) =>
        LivescaleJson.Json(ToDto(basket), statusCode);

    public static LivescaleBasketDto ToDto(LivescaleBasket basket)
    {
        var currency = basket.Merchant.Currency;
        var totals = LivescaleTotals.Compute(basket);
        return new LivescaleBasketDto(
            basket.Id,
            currency,
            basket.Email is null ? null : new LivescaleCustomerDto(basket.CustomerToken, basket.Email),
            basket.Items.Select(i => new LivescaleItemDto(i.Id, i.Sku, i.Quantity, new LivescalePriceDto(LivescaleSeed.FindVariant(i.Sku)!.Price, currency))).ToList(),
            basket.ShippingAddress,
            basket.BillingAddress,
            [],
            totals.Discounts,
            basket.Merchant.Taxation == LivescaleTaxation.Net ? "NET" : "GROSS",
            totals.SubTotal,
            0m,
            totals.DiscountsTotal,
            totals.ShippingTotal,
            totals.TaxesTotal,
            totals.Total);
    }

    /// <summary>
    /// Null when <paramref name="quantity"/> more units of <paramref name="sku"/> can go into the
    /// basket, else the refusal: unknown SKU, bad quantity, or sold out (by stock or the sold-out fault).
    /// </summary>
    public static IResult? CheckAvailable(HttpContext http, LivescaleState state, string? sku, int? quantity, int alreadyInBasket)
    {
        if (string.IsNullOrEmpty(sku) || LivescaleSeed.FindVariant(sku) is null)
        {
            return LivescaleJson.Error(StatusCodes.Status422UnprocessableEntity, "unknown_item", $"No variant with SKU '{sku}'.");
        }

        if (quantity is not > 0)
        {
            return LivescaleJson.Error(StatusCodes.Status400BadRequest, "invalid_quantity", "quantity must be 1 or more.");
        }

        if (http.SandboxFault().SoldOut || state.StockOf(sku) < alreadyInBasket + quantity)
        {
            return LivescaleJson.Error(StatusCodes.Status422UnprocessableEntity, "sold_out", $"'{sku}' is sold out ({state.StockOf(sku)} left).");
        }

        return null;
    }
}
