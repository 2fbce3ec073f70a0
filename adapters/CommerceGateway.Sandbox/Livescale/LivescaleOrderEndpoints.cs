using CommerceGateway.Sandbox.Faults;

namespace CommerceGateway.Sandbox.Livescale;

/// <summary>
/// <c>POST /orders</c> turns a complete basket into an order (taking its units from stock);
/// <c>PUT /orders/{id}</c> receives the authorization and capture results Livescale reports.
/// </summary>
internal static class LivescaleOrderEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/orders", CreateAsync);
        group.MapPut("/orders/{orderId}", UpdateAsync);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, LivescaleState state)
    {
        var (body, error) = await LivescaleJson.ReadAsync<LivescaleOrderInput>(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrEmpty(body!.BasketId))
        {
            return LivescaleJson.Error(StatusCodes.Status400BadRequest, "invalid_request", "basket_id is required.");
        }

        return LivescaleBaskets.With(http, state, body.BasketId, modifies: true, basket =>
        {
            var missing = Missing(basket);
            if (missing.Count > 0)
            {
                return LivescaleJson.Error(StatusCodes.Status422UnprocessableEntity, "basket_incomplete", $"The basket is not ready to order; missing: {string.Join(", ", missing)}.");
            }

            var (order, shortSku) = http.SandboxFault().SoldOut
                ? (null, basket.Items[0].Sku)
                : state.CreateOrder(basket, LivescaleTotals.Compute(basket).Total);
            return order is null
                ? LivescaleJson.Error(StatusCodes.Status422UnprocessableEntity, "sold_out", $"'{shortSku}' sold out before the order was placed.")
                : Json(order, StatusCodes.Status201Created);
        });
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, LivescaleState state, string orderId)
    {
        var (body, error) = await LivescaleJson.ReadAsync<LivescaleOrderUpdateInput>(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (body!.Status is not (null or LivescaleOrderStatus.New or LivescaleOrderStatus.Failed)
            || body.PaymentStatus is not (null or LivescaleOrderStatus.Paid or LivescaleOrderStatus.Failed)
            || body is { Status: null, PaymentStatus: null })
        {
            return LivescaleJson.Error(StatusCodes.Status400BadRequest, "invalid_request", "Send status NEW|FAILED and/or payment_status PAID|FAILED.");
        }

        var merchant = LivescaleAuthFilter.TokenOf(http).Merchant;
        lock (state.Gate)
        {
            var order = state.FindOrder(merchant, orderId);
            if (order is null)
            {
                return LivescaleJson.Error(StatusCodes.Status404NotFound, "not_found", $"No order '{orderId}'.");
            }

            return new LivescaleOrderUpdate(state, order, body, http.SandboxFault()).Apply() ?? Json(order, StatusCodes.Status201Created);
        }
    }

    private static List<string> Missing(LivescaleBasket basket)
    {
        var missing = new List<string>();
        if (basket.Items.Count == 0)
        {
            missing.Add("items");
        }

        if (basket.Email is null)
        {
            missing.Add("customer");
        }

        if (basket.ShippingAddress is null)
        {
            missing.Add("shipping_address");
        }

        if (basket.ShippingMethodId is null)
        {
            missing.Add("shipping_method");
        }

        if (basket.BillingAddress is null)
        {
            missing.Add("billing_address");
        }

        if (basket.PaymentMethodId is null)
        {
            missing.Add("payment_method");
        }

        return missing;
    }

    public static IResult Json(LivescaleOrder order, int statusCode) =>
        LivescaleJson.Json(
            new LivescaleOrderDto(order.Id, order.Status, order.PaymentStatus, order.TotalInvoiced, order.TotalPaid, order.Basket.Merchant.Currency, order.Basket.Id, order.PspTransactionId, order.Reason),
            statusCode);
}
